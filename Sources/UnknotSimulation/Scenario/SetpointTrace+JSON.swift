import Foundation
import UnknotCore
import UnknotSession

extension SetpointTrace {
    /// One line of the trace file.
    struct Line: Encodable {
        struct Point: Encodable {
            var contact: Bool
            var force: Double
            var part: String?
            var technique: String?
            var speed: Double
            var x: Double
            var y: Double
        }

        var t: Int
        var state: String
        var proposed: Point
        var sent: Point
        var measured: Double
        /// The supervisor's decisions this tick (what it changed, by reason).
        var supervisor: [String]
        var fault: String?
        var events: [String]?
    }

    /// The trace as JSON Lines, one tick a line, oldest first.
    public func jsonLines() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        var previous: Tick?
        for tick in ticks {
            let changed =
                previous.map { $0.t == tick.t - 1 ? tick.interventions.changed(since: $0.interventions) : [] } ?? []
            let line = Line(
                t: tick.t, state: tick.state.rawValue, proposed: Self.point(tick.proposed), sent: Self.point(tick.sent),
                measured: (tick.measured * 100).rounded() / 100, supervisor: changed,
                fault: tick.fault?.description, events: tick.events.isEmpty ? nil : tick.events)
            out.append(try encoder.encode(line))
            out.append(UInt8(ascii: "\n"))
            previous = tick
        }
        return out
    }

    static func point(_ s: Setpoint) -> Line.Point {
        func round(_ x: Double) -> Double { (x * 1_000).rounded() / 1_000 }
        return Line.Point(
            contact: s.contact, force: round(s.normalForce), part: s.part.map { "\($0)" },
            technique: s.technique?.rawValue, speed: round(s.speed), x: round(s.position.x), y: round(s.position.y))
    }
}

extension SafetyInterventions {
    /// The reasons whose counters grew since `earlier`, by name ("force-clamped").
    func changed(since earlier: SafetyInterventions) -> [String] {
        var names: [String] = []
        if forceClamped > earlier.forceClamped { names.append("force-clamped") }
        if riseLimited > earlier.riseLimited { names.append("rise-limited") }
        if forbiddenContact > earlier.forbiddenContact { names.append("forbidden-contact-lifted") }
        if pointPressureInZone > earlier.pointPressureInZone { names.append("point-pressure-in-zone-lifted") }
        if heldLifted > earlier.heldLifted { names.append("held-lifted") }
        if jumpLifted > earlier.jumpLifted { names.append("jump-lifted") }
        if wrongFace > earlier.wrongFace { names.append("wrong-face-lifted") }
        if offBody > earlier.offBody { names.append("off-body-lifted") }
        if invalidSetpoints > earlier.invalidSetpoints { names.append("invalid-setpoint") }
        if bumpLifted > earlier.bumpLifted { names.append("bump-lifted") }
        return names
    }
}
