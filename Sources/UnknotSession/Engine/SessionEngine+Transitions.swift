import UnknotCore

extension SessionEngine {
    mutating func enter(_ new: SessionState) {
        guard new != state else { return }
        state = new
        emit(.stateChanged(new))
    }

    mutating func emit(_ event: SessionEvent) {
        if case .reaction(let reaction, true, _) = event { tally.reactions[reaction.kind, default: 0] += 1 }
        events.append(TimedEvent(t: now, event))
    }

    /// Shows a message on the console; speaks it if the client's voice setting allows and the
    /// client is awake (no loud prompts while asleep).
    mutating func say(_ text: String, _ importance: MessageImportance, quiet: Bool = false) {
        emit(.message(voice.message(text, importance, quiet: quiet, asleep: reactions.asleep)))
    }

    /// Records that a care-policy row was applied.
    mutating func record(_ row: PolicyRow, area: BodyArea?, detail: String) {
        tally.responses[row.trigger, default: 0] += 1
        emit(
            .decision(
                PolicyDecision(
                    trigger: row.trigger, choice: row.choice, actions: row.actions, area: area, detail: detail)))
    }

    /// A row's message with the area and level filled in.
    func fill(_ template: String?, _ q: Int) -> String {
        guard let template else { return "" }
        return template.replacingOccurrences(of: "{area}", with: PartSlot.part(q).area.description)
            .replacingOccurrences(of: "{level}", with: String(levels.cap(q)))
    }

    mutating func beginEnding(_ reason: String) {
        guard state != .ending, state != .finished else { return }
        endReason = reason
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        endingUntil = now + configuration.endingMilliseconds
        enter(.ending)
    }

    mutating func finish() {
        enter(.finished)
        let row = policy.row(for: .sessionEnded, carePlan: carePlan)
        record(row, area: nil, detail: endReason ?? "")
    }

    mutating func enterFault() {
        guard let fault = supervisor.fault else { return }
        tally.faults.append(fault)
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        enter(.faulted)
        emit(.fault(fault))
        emit(.alert(StaffAlert(kind: .stationFault, text: "Station stopped and lifted off: \(fault.description).")))
        say("I've stopped and lifted off: \(fault.clientWords). Staff have been told.", .safety)
    }

    mutating func emitTelemetry() {
        let contact = lastSetpoint.contact
        let sample = TelemetrySample(
            planTime: planTime, state: state, contact: contact, x: lastSetpoint.position.x,
            y: lastSetpoint.position.y, face: lastSetpoint.face, part: contact ? lastSetpoint.part : nil,
            technique: lastSetpoint.technique, level: contact ? player.active.level : 0,
            targetForce: lastSetpoint.normalForce, measuredForce: lastFrame.measuredForce, heartRate: heart.heartRate)
        emit(.telemetry(sample))
    }

    /// Releases force at the planned fall rate where the contact is, then lifts.
    mutating func windDown() -> Setpoint {
        var setpoint = lastSetpoint
        setpoint.normalForce = max(0, lastSetpoint.normalForce - StrokePlayer.fallPerTick)
        if setpoint.normalForce == 0 { return player.lifted }
        return setpoint
    }
}
