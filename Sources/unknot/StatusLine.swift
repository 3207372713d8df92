import UnknotSession

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The live status line of `unknot simulate`: progress, phase, region, technique, level, heart
/// rate and the latest message; messages scroll above it.
struct StatusLine {
    let enabled: Bool
    let live: Bool
    var latest = ""
    var lastDrawn = ContinuousClock.now
    var lastMinute = -1

    init(enabled: Bool, live: Bool) {
        self.enabled = enabled
        self.live = live
    }

    mutating func note(_ event: TimedEvent) {
        guard enabled else { return }
        switch event.event {
        case .message(let m):
            latest = m.text
            emit("\(SessionRecord.clock(event.t))  \(m.text)")
        case .fault(let f): emit("\(SessionRecord.clock(event.t))  FAULT: \(f.description)")
        case .control(let c): emit("\(SessionRecord.clock(event.t))  (client: \(c.displayName))")
        case .reaction(let r, true, _): emit("\(SessionRecord.clock(event.t))  (noticed \(r.kind.displayName))")
        default: break
        }
    }

    mutating func emit(_ line: String) {
        if live { print("\r\u{1B}[2K" + line) } else { print(line) }
    }

    mutating func status(_ engine: SessionEngine) {
        guard enabled else { return }
        let plan = engine.plan
        let fraction = plan.durationMilliseconds > 0 ? Double(engine.planTime) / Double(plan.durationMilliseconds) : 0
        if !live {
            let minute = engine.planTime / 60_000
            guard minute != lastMinute else { return }
            lastMinute = minute
            print("[\(Int(fraction * 100))%] \(line(engine))")
            return
        }
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        let width = 20
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(bar) \(Int(fraction * 100))% \(line(engine))"
        if text.count > 150 { text = String(text.prefix(150)) }
        print("\r\u{1B}[2K" + text, terminator: "")
        fflush(nil)
    }

    func line(_ engine: SessionEngine) -> String {
        let plan = engine.plan
        let phase = plan.phases.first {
            engine.planTime >= $0.startMilliseconds && engine.planTime < $0.endMilliseconds
        }
        let setpoint = engine.lastSetpoint
        let whereText =
            setpoint.contact
            ? "\(setpoint.part.map { $0.area.description } ?? "") · \(setpoint.technique?.displayName ?? "") · level \(engine.currentLevel(of: setpoint.part!).value)"
            : "lifted"
        let heart = engine.summaryHeartRate
        return "\(SessionRecord.clock(engine.planTime))/\(SessionRecord.clock(plan.durationMilliseconds)) · "
            + "\(engine.state == .working ? phase?.kind.displayName ?? "" : engine.state.displayName) · \(whereText) · "
            + "♥ \(heart > 0 ? String(Int(heart.rounded())) : "--") · \(latest)"
    }

    mutating func finish() {
        if enabled, live { print("") }
    }
}
