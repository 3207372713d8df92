import Foundation
import UnknotCore
import UnknotSession
import UnknotSignals
import UnknotStudioLink

/// What a console or a staff dashboard is sent over its WebSocket, as JSON text.
enum LiveUpdate {
    /// A station on the staff dashboard.
    struct StationState: Codable, Sendable {
        var id: Int
        var name: String
        var status: String
        var session: SessionState?
        /// The running session's alerts no one has acknowledged yet, newest first.
        var alerts: [Alert]? = nil
        /// The station's own program, when it is linked to this studio.
        var link: LinkState?
        struct LinkState: Codable, Sendable {
            var simulated: Bool
            var software: String
            /// The arm: ready, holding, fault or absent.
            var robot: String
            var robotModel: String?
            /// The station loop's tick lateness p99, ms.
            var latenessP99: Double?
        }
        struct SessionState: Codable, Sendable {
            var id: String
            var client: String
            var program: String
            var state: String
            var stateText: String
            var remaining: Int
            var area: String?
            var level: Int
            /// Only when the client lets staff be told (`staffMayBeAlerted`).
            var heartRate: Int?
            var stopped: Bool
            /// A demo: a simulated client on a real or simulated station, no booking.
            var demo: Bool = false
            /// The booking it runs, for links to its page and report (none for a demo).
            var booking: String? = nil
        }
    }

    struct Alert: Codable, Sendable {
        var station: String
        var client: String
        /// The studio's wall clock when it arrived ("10:14").
        var at: String
        var text: String
        var stationId: Int
        /// Studio-local minutes, for ordering.
        var minute: Int
        /// The client asked for a person: the card shows it first, in red, until acknowledged.
        var callsPerson: Bool
        var acknowledgedBy: String?
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
