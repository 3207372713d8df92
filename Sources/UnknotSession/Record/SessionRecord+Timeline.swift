import UnknotCore

extension SessionRecord {
    /// A readable timeline: one line per input, decision, message, fault and state change, and
    /// a status line from the telemetry every `statusEvery` ms (0 for none).
    public func timeline(statusEvery: Int = 60_000) -> String {
        var lines: [String] = []
        let h = header
        lines.append(
            "\(h.programName), \(h.minutes) min, \(h.date) · client: \(h.client)\(h.seed.map { " · seed \($0)" } ?? "")"
        )
        for phase in h.phases {
            let areas = phase.areas.map(\.description).joined(separator: ", ")
            lines.append(
                "plan \(Self.clock(phase.startMilliseconds))-\(Self.clock(phase.endMilliseconds))  "
                    + "\(phase.kind.displayName)\(areas.isEmpty ? "" : ": \(areas)")")
        }
        var nextStatus = 0
        for entry in events {
            let time = Self.clock(entry.t)
            switch entry.event {
            case .telemetry(let s):
                guard statusEvery > 0, entry.t >= nextStatus else { continue }
                nextStatus = entry.t + statusEvery
                let where_ = s.part.map { "\($0.area), \(s.technique?.displayName ?? "")" } ?? "lifted"
                lines.append(
                    "\(time)  ·  plan \(Self.clock(s.planTime)) \(s.state.displayName): \(where_), level \(s.level), "
                        + "\(Int(s.targetForce.rounded())) N (measured \(Int(s.measuredForce.rounded())) N), heart \(Int(s.heartRate.rounded())) bpm"
                )
            case .stateChanged(let state): lines.append("\(time)  state     \(state.displayName)")
            case .control(let control): lines.append("\(time)  client    \(control.displayName)")
            case .reaction(let reaction, let acted, let note):
                let how = acted ? "" : " (not acted on: \(note ?? ""))"
                lines.append(
                    "\(time)  noticed   \(reaction.kind.displayName), confidence \(Int((reaction.confidence * 100).rounded()))%"
                        + "\(reaction.evidence.isEmpty ? "" : " [\(reaction.evidence.map(\.description).joined(separator: ", "))]")\(how)"
                )
            case .decision(let d):
                let what = d.trigger.map { $0.rawValue } ?? "control"
                let actions = d.actions.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    "\(time)  decided   \(what)\(d.area.map { " on the \($0)" } ?? ""): \(actions.isEmpty ? "-" : actions)"
                        + "\(d.detail.isEmpty ? "" : " (\(d.detail))")")
            case .message(let m):
                lines.append("\(time)  says      \"\(m.text)\"\(m.spoken ? (m.quiet ? " (softly)" : " (aloud)") : "")")
            case .checkIn(let c):
                lines.append("\(time)  asks      \(c.question) [\(c.answers.map(\.label).joined(separator: " / "))]")
            case .checkInClosed(_, let answer):
                lines.append("\(time)  answer    \(answer?.label ?? "no answer")")
            case .fault(let fault): lines.append("\(time)  FAULT     \(fault.description)")
            case .faultCleared: lines.append("\(time)  cleared   fault")
            case .alert(let alert): lines.append("\(time)  staff     \(alert.text)")
            case .levelChanged(let area, let from, let to): lines.append("\(time)  level     \(area): \(from) → \(to)")
            }
        }
        if truncatedLastLine { lines.append("(the record ends mid-line: the writer stopped before the session ended)") }
        if let summary {
            lines.append("")
            lines.append(contentsOf: summary.report())
        } else {
            lines.append("(no summary: the session did not finish)")
        }
        return lines.joined(separator: "\n")
    }

    /// `mm:ss` (or `h:mm:ss`) for a time in ms.
    public static func clock(_ ms: Int) -> String {
        let seconds = max(0, ms) / 1_000
        let h = seconds / 3_600
        let m = (seconds % 3_600) / 60
        let s = seconds % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }
}

extension SessionSummary {
    /// The summary as readable lines.
    public func report() -> [String] {
        var lines: [String] = []
        lines.append(
            "\(programName), \(bookedMinutes) min: \(finalState.displayName) (\(endReason)); "
                + "worked \(SessionRecord.clock(workedMilliseconds)), paused or stopped \(SessionRecord.clock(pausedMilliseconds))"
        )
        let seen = ReactionKind.allCases.compactMap { kind in reactions[kind].map { "\(kind.displayName) ×\($0)" } }
        lines.append("Reactions acted on: \(seen.isEmpty ? "none" : seen.joined(separator: ", "))")
        let answered = PolicyTrigger.allCases.compactMap { t in responses[t].map { "\(t.rawValue) ×\($0)" } }
        lines.append("Responses: \(answered.isEmpty ? "none" : answered.joined(separator: ", "))")
        lines.append(
            "Check-ins: \(checkInsAsked) asked, \(checkInsAnswered) answered, \(checkInsSkippedWhileAsleep) skipped while asleep"
        )
        lines.append("Faults: \(faults.isEmpty ? "none" : faults.map(\.description).joined(separator: "; "))")
        lines.append(
            "Safety supervisor: \(safety.forceClamped) force clamps, \(safety.riseLimited) rise limits, "
                + "\(safety.forbiddenContact) forbidden contacts and \(safety.pointPressureInZone) zone contacts lifted; "
                + "\(safety.jumpLifted) jumps, \(safety.wrongFace) wrong-face and \(safety.offBody) off-body contacts lifted"
                + (safety.bumpLifted > 0 ? "; \(safety.bumpLifted) setpoints held lifted after bumps" : "")
        )
        if heartAtStart.beats > 1, heartAtEnd.beats > 1 {
            func one(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }
            lines.append(
                "Relaxation: heart rate \(one(heartAtStart.heartRate)) → \(one(heartAtEnd.heartRate)) bpm "
                    + "(\(heartRateChange <= 0 ? "" : "+")\(one(heartRateChange))), RMSSD \(one(heartAtStart.rmssd)) → "
                    + "\(one(heartAtEnd.rmssd)) ms (\(rmssdChange >= 0 ? "+" : "")\(one(rmssdChange)))")
        }
        if !levels.isEmpty {
            lines.append("Pressure: " + levels.map { "\($0.area) \($0.level)" }.joined(separator: ", "))
        }
        if suggestions.isEmpty {
            lines.append("Learned: nothing new for the care plan")
        } else {
            lines.append("Suggested care-plan changes (accept or dismiss later):")
            for suggestion in suggestions { lines.append("  - \(suggestion.plainWords)") }
        }
        lines.append(reassurance)
        return lines
    }
}
