import UnknotCore
import UnknotSession

extension ScenarioRun {
    /// Checks every expectation of the scenario against what happened in the run.
    public func report() -> ScenarioReport {
        let outcomes = scenario.expectations.enumerated().map { index, expectation in
            let (held, detail) = check(expectation, index: index)
            return ScenarioReport.Outcome(expectation: expectation, held: held, detail: detail)
        }
        return ScenarioReport(scenario: scenario.name, outcomes: outcomes)
    }

    /// When each occurrence of `stimulus` began (ms).
    func times(of stimulus: ScenarioStimulus) -> [Int] {
        switch stimulus {
        case .reaction(let kind): station.client.truth.filter { $0.kind == kind }.map(\.start).sorted()
        case .sound(let kind): station.client.voiceLog.filter { $0.kind == kind }.map(\.at).sorted()
        case .control(let name):
            events.compactMap { if case .control(let c) = $0.event, c.name == name { $0.t } else { nil } }
        case .fault: events.compactMap { if case .fault = $0.event { $0.t } else { nil } }
        }
    }

    /// Session time as minutes:seconds.tenths, to the nearest tenth (a control taken at 39.999 s,
    /// just before the tick of 40 s, reads 00:40.0).
    static func clock(_ t: Int) -> String {
        let tenths = (max(0, t) + 50) / 100
        let minutes = tenths / 600
        let seconds = (tenths % 600) / 10
        return "\(minutes < 10 ? "0" : "")\(minutes):\(seconds < 10 ? "0" : "")\(seconds).\(tenths % 10)"
    }

    static func seconds(_ ms: Int) -> String { String(format: "%.1f", Double(ms) / 1_000) }

    private func never(_ stimulus: ScenarioStimulus) -> (Bool, String) {
        (false, "no \(stimulus.words) happened in this run, so it could not be checked")
    }

    func check(_ expectation: ScenarioExpectation, index: Int) -> (Bool, String) {
        switch expectation {
        case .responds(let stimulus, let action, let state, let within, let each):
            let starts = times(of: stimulus)
            guard !starts.isEmpty else { return never(stimulus) }
            var notes: [String] = []
            for start in each ? starts : [starts[0]] {
                let window = events.filter { $0.t >= start && $0.t <= start + within }
                var found: [Int] = []
                if let action {
                    guard
                        let hit = window.first(where: {
                            if case .decision(let d) = $0.event { d.actions.contains(action) } else { false }
                        })
                    else {
                        return (
                            false, "no \"\(action.rawValue)\" within \(Self.seconds(within)) s of \(Self.clock(start))"
                        )
                    }
                    found.append(hit.t)
                }
                if let state {
                    guard
                        let hit = window.first(where: {
                            if case .stateChanged(let s) = $0.event { s == state } else { false }
                        })
                    else {
                        return (
                            false,
                            "the session was not \(state.displayName) within \(Self.seconds(within)) s of \(Self.clock(start))"
                        )
                    }
                    found.append(hit.t)
                }
                let last = found.max() ?? start
                notes.append("\(Self.clock(start)) → \(Self.clock(last)) (\(Self.seconds(last - start)) s)")
            }
            return (true, notes.joined(separator: "; "))
        case .pressureDropsNextTick(let stimulus):
            guard case .control(let name) = stimulus else {
                return (false, "only a control can be checked tick by tick")
            }
            let ticks = afterControls.filter { $0.control.name == name }
            guard !ticks.isEmpty else { return never(stimulus) }
            var notes: [String] = []
            for tick in ticks {
                guard tick.contactBefore else {
                    notes.append("\(Self.clock(tick.t)) not in contact")
                    continue
                }
                let dropped = events.contains {
                    if case .levelChanged(_, let from, let to) = $0.event, $0.t == tick.t {
                        to <= from - 1
                    } else {
                        false
                    }
                }
                // Lifting off the spot (a spot left for the session) is more than a level.
                guard tick.forceAfter < tick.forceBefore, dropped || !tick.contactAfter else {
                    return (
                        false,
                        "at \(Self.clock(tick.t)) the force went \(Self.newtons(tick.forceBefore)) → \(Self.newtons(tick.forceAfter))"
                            + (dropped || !tick.contactAfter ? "" : " and no level dropped")
                    )
                }
                notes.append(
                    "\(Self.clock(tick.t)) \(Self.newtons(tick.forceBefore)) → \(Self.newtons(tick.forceAfter))"
                        + (tick.contactAfter ? "" : " (lifted)") + " on the next tick")
            }
            return (true, notes.joined(separator: "; "))
        case .noCheckInWhileAsleep:
            let sleeps = station.client.truth.filter { $0.kind == .sleep }
            guard !sleeps.isEmpty else { return never(.reaction(.sleep)) }
            for event in events {
                guard case .checkIn(let checkIn) = event.event else { continue }
                if let sleep = sleeps.first(where: { event.t > $0.start && event.t <= $0.end }) {
                    return (
                        false,
                        "asked \"\(checkIn.kind.rawValue)\" at \(Self.clock(event.t)), asleep since \(Self.clock(sleep.start))"
                    )
                }
            }
            let spans = sleeps.map { "\(Self.clock($0.start))-\(Self.clock($0.end))" }
            return (true, "asleep \(spans.joined(separator: ", ")); no question then")
        case .neverTouches:
            if let touch = forbiddenTouches[index] {
                return (false, "touched the \(touch.part) at \(Self.clock(touch.t))")
            }
            return (true, "never in contact there")
        case .neverDoes(let actions):
            for event in events {
                if case .decision(let d) = event.event, let action = d.actions.first(where: actions.contains) {
                    return (
                        false,
                        "\"\(action.rawValue)\" at \(Self.clock(event.t))" + (d.detail.isEmpty ? "" : " (\(d.detail))")
                    )
                }
            }
            return (true, "never")
        case .nothingHappens(let stimulus, let within):
            return quiet(after: stimulus, within: within)
        case .says(let text, let stimulus, let within):
            let starts = times(of: stimulus)
            guard let start = starts.first else { return never(stimulus) }
            let wanted = text.lowercased()
            for event in events where event.t >= start && event.t <= start + within {
                let said: String? =
                    switch event.event {
                    case .message(let m): m.text
                    case .checkIn(let c): c.question
                    default: nil
                    }
                if let said, said.lowercased().contains(wanted) {
                    return (true, "\"\(said)\" at \(Self.clock(event.t)), \(Self.seconds(event.t - start)) s after")
                }
            }
            return (false, "not said within \(Self.seconds(within)) s of \(Self.clock(start))")
        case .checkIns(let kind, let least, let most):
            let count = events.filter {
                if case .checkIn(let c) = $0.event { kind == nil || c.kind == kind } else { false }
            }.count
            return (count >= (least ?? 0) && count <= (most ?? .max), "\(count) asked")
        case .staffAlerts(let least, let most):
            let count = events.filter { if case .alert = $0.event { true } else { false } }.count
            return (count >= (least ?? 0) && count <= (most ?? .max), "\(count) raised")
        case .completes(let wanted):
            if let until = scenario.until, !station.isFinished {
                return (false, "the run stopped at \(Self.clock(until)) (\"until\"), before the session ended")
            }
            let ran = station.engine.planTime >= station.engine.plan.durationMilliseconds
            let detail =
                ran ? "the plan ran to its end" : "ended at \(Self.clock(station.engine.planTime)) of plan time"
            return (ran == wanted, detail)
        }
    }

    static func newtons(_ force: Double) -> String { String(format: "%.1f N", force) }

    /// Nothing but going on after each `stimulus`: no question (but the planned pressure ones),
    /// alert, pause or change of pressure, and no decision other than keeping going, keeping it
    /// private or noting it.
    private func quiet(after stimulus: ScenarioStimulus, within: Int) -> (Bool, String) {
        let starts = times(of: stimulus)
        guard !starts.isEmpty else { return never(stimulus) }
        let calm: Set<PolicyAction> = [.keepGoing, .keepPrivate, .noteForReport, .holdPrompts]
        for start in starts {
            for event in events where event.t >= start && event.t <= start + within {
                let loud: String? =
                    switch event.event {
                    // A planned pressure question (and the state it brings) is the session going on.
                    case .checkIn(let c) where c.kind != .pressure: "asked \"\(c.kind.rawValue)\""
                    case .alert(let a): "alerted staff (\(a.kind.rawValue))"
                    case .stateChanged(let s) where s != .checkingIn && s != .working:
                        "the session became \(s.displayName)"
                    case .levelChanged(let area, let from, let to): "level on the \(area) \(from) → \(to)"
                    case .decision(let d) where !Set(d.actions).isSubset(of: calm):
                        "decided " + d.actions.map(\.rawValue).joined(separator: ", ")
                    default: nil
                    }
                if let loud { return (false, "\(loud) at \(Self.clock(event.t)), after \(Self.clock(start))") }
            }
        }
        return (true, "\(starts.count) time\(starts.count == 1 ? "" : "s"), the session went on")
    }
}
