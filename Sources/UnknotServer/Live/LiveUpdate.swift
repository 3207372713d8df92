import Foundation
import UnknotCore
import UnknotSession
import UnknotSignals

/// What a console or a staff dashboard is sent over its WebSocket, as JSON text.
enum LiveUpdate {
    /// The station's state now, for the console (about ten times a second).
    struct Status: Encodable, Sendable {
        var type = "status"
        /// Milliseconds since the session started (pauses included).
        var time: Int
        var state: String
        var stateText: String
        var planTime: Int
        var remaining: Int
        var phase: String
        var area: String?
        var contact: Bool
        var x: Double
        var y: Double
        var face: String
        var level: Int
        var heartRate: Int
        var breathing: Int
        var relaxation: Double?
        var relaxationWords: String
        var checkIn: CheckInView?
        var finished: Bool
        var report: String?
    }

    struct CheckInView: Encodable, Sendable, Hashable {
        var question: String
        var answers: [Answer]
        struct Answer: Encodable, Sendable, Hashable {
            var value: String
            var label: String
        }
    }

    struct Message: Encodable, Sendable {
        var type = "message"
        var t: Int
        var text: String
    }

    /// The part the arm pressed on and the most pressure it felt there so far.
    struct Pressure: Encodable, Sendable {
        var type = "pressure"
        var part: String
        var level: Int
    }

    /// A station on the staff dashboard.
    struct StationState: Encodable, Sendable {
        var id: Int
        var name: String
        var status: String
        var session: SessionState?
        struct SessionState: Encodable, Sendable {
            var id: String
            var client: String
            var program: String
            var state: String
            var stateText: String
            var remaining: Int
            var area: String?
            var level: Int
            var heartRate: Int
            var stopped: Bool
        }
    }

    struct Alert: Encodable, Sendable {
        var station: String
        var client: String
        var at: String
        var text: String
    }

    struct Floor: Encodable, Sendable {
        var type = "floor"
        var stations: [StationState]
        var alerts: [Alert]
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
