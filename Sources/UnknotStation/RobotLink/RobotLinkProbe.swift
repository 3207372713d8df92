import UnknotCore
import UnknotSession

/// Measures a robot link without touching anyone: commands without contact at 1 kHz (or as fast
/// as lockstep answers), the time from sending each to the first report that has applied it, the
/// commands never answered, and — in real time — how long the arm takes to hold once the
/// commands stop, on its own clock.
public struct RobotLinkProbe: Sendable {
    /// What a probe measured.
    public struct Figures: Sendable, Hashable {
        public var commands = 0
        /// Commands no report named: overtaken by a newer one before the arm's next report (in
        /// real time the arm reports once a millisecond), or lost.
        public var unanswered = 0
        /// From sending a command to the first report that applied it, µs, sorted.
        public var roundTrips: [Int64] = []
        /// Robot time from applying the last command to holding, ms (real time only).
        public var holdAfterMilliseconds: Double?
        public var statistics = RobotLinkHardware.Statistics()

        public func roundTrip(percentile p: Double) -> Double {
            guard !roundTrips.isEmpty else { return .nan }
            let index = min(roundTrips.count - 1, Int((Double(roundTrips.count - 1) * p).rounded()))
            return Double(roundTrips[index]) / 1_000
        }
    }

    public let link: RobotLinkHardware
    public let at: SurfacePoint

    public init(link: RobotLinkHardware, at point: SurfacePoint = SurfacePoint(x: 0, y: 40)) {
        self.link = link
        self.at = point
    }

    /// Runs `commands` commands, then (real time) waits for the hold.
    public func run(commands: Int) throws(HardwareError) -> Figures {
        var figures = Figures()
        let clock = ContinuousClock()
        let origin = clock.now
        func micros() -> Int64 {
            let (seconds, attoseconds) = (clock.now - origin).components
            return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        }
        var sentAt = [Int64](repeating: 0, count: commands + 1)
        var acknowledged: UInt64 = 0
        var appliedAt: [UInt64: Int64] = [:]
        let lifted = Setpoint.lifted(at: at, face: .posterior)
        let realTime = link.options.mode == .realTime
        var next = clock.now
        func take() {
            guard link.read(at: figures.commands) != nil, let report = link.lastReport else { return }
            if appliedAt[report.sequence] == nil { appliedAt[report.sequence] = report.time }
            while acknowledged < report.sequence, acknowledged < UInt64(commands) {
                acknowledged += 1
                if acknowledged == report.sequence {
                    figures.roundTrips.append(micros() - sentAt[Int(acknowledged)])
                } else {
                    figures.unanswered += 1
                }
            }
        }
        for index in 1...max(1, commands) {
            if realTime {
                while clock.now < next { take() }
                next = next + .milliseconds(1)
            }
            sentAt[index] = micros()
            try link.write(lifted, at: index)
            figures.commands += 1
            take()
        }
        if realTime {
            let quiet = clock.now
            while clock.now - quiet < .seconds(2) {
                take()
                if let report = link.lastReport, report.status == .holding, let applied = appliedAt[report.sequence] {
                    figures.holdAfterMilliseconds = Double(report.time - applied) / 1_000
                    break
                }
            }
        }
        figures.unanswered += commands - Int(acknowledged)
        figures.roundTrips.sort()
        figures.statistics = link.statistics
        return figures
    }
}
