import UnknotCore

extension SessionEngine {
    /// Takes a control the client pressed. It acts on the very next tick.
    public mutating func take(_ control: ClientControl) {
        emit(.control(control))
        reactions.controlPressed(at: now)
        switch control {
        case .pressureUp: changePressure(by: 1)
        case .pressureDown: changePressure(by: -1)
        case .pause:
            guard state.movesPlan || state == .settlingIn else { return ignored("there is nothing to pause") }
            if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
            enter(.pausedByClient)
            say("Paused. Press resume whenever you're ready.", .question)
        case .resume: resume()
        case .takeBreak: takeBreak()
        case .thatHurts(let rating): respondToPain(source: "you said it hurts", rating: rating, fromDetector: false)
        case .skipThisArea: skipArea()
        case .moreTimeHere: moreTime()
        case .end:
            guard state != .finished, state != .ending else { return }
            beginEnding("ended by you")
            say("Ending here. Take your time getting up.", .question)
        case .callStaff:
            emit(.alert(StaffAlert(kind: .clientAsksForStaff, text: "The client asks for a person to come.")))
            say("I've asked a member of staff to come. You can pause while you wait.", .question)
        case .answer(let answer): answerCheckIn(answer)
        }
    }

    mutating func ignored(_ why: String) {
        emit(.decision(PolicyDecision(trigger: nil, choice: nil, actions: [], area: nil, detail: "ignored: \(why)")))
    }

    /// The part a control or a reaction is about: the one in contact, or the one just worked.
    var currentSlot: Int? {
        if lastSetpoint.contact { return player.active.partSlot }
        if let contact = lastContact, now - contact.at <= 5_000 { return contact.slot }
        if player.isPlayingStroke { return player.active.partSlot }
        return lastContact?.slot
    }

    mutating func changePressure(by step: Int) {
        guard let q = currentSlot else {
            say("Pressure changes apply once I'm working on an area.", .information)
            return
        }
        let part = PartSlot.part(q)
        switch levels.press(step, on: q, at: now) {
        case .atCeiling(let level, let why):
            say("That's as firm as I'll go on your \(part.area) \(why): level \(level).", .information)
        case .atLightest:
            say("That's already the lightest touch on your \(part.area).", .information)
        case .changed(let before, let after):
            levelChanged(q, from: before)
            say("\(step > 0 ? "Firmer" : "Lighter") on your \(part.area): level \(after).", .information)
        }
    }

    /// Tells the supervisor and the record that a part's level changed, and re-plays the
    /// active stroke at the new level.
    mutating func levelChanged(_ q: Int, from before: Int) {
        let after = levels.cap(q)
        supervisor.setClientLevel(PressureLevel(clamping: after), for: PartSlot.part(q))
        if after != before { emit(.levelChanged(PartSlot.part(q).area, from: before, to: after)) }
        if player.active.partSlot == q { refreshActive() }
    }

    /// Re-decides the stroke in play after a change, so it acts on the very next tick.
    mutating func refreshActive() {
        player.refresh(levels: &levels, spots: spots, at: now)
    }

    mutating func resume() {
        switch state {
        case .pausedByClient, .onBreak:
            enter(openCheckIn == nil ? .working : .checkingIn)
            say("Carrying on, gently.", .information)
        case .faulted:
            if supervisor.clearFault(at: now) {
                emit(.faultCleared)
                player.reset()
                enter(.working)
                say("Starting again, gently.", .question)
            } else {
                let why =
                    supervisor.isEmergencyStopped ? "the stop button is still engaged" : "the fault hasn't cleared"
                say("I can't start again yet: \(why). Staff can help.", .question)
            }
        default:
            ignored("resume while \(state.displayName)")
        }
    }

    mutating func takeBreak() {
        guard state.movesPlan || state == .settlingIn || state == .pausedByClient else {
            return ignored("break while \(state.displayName)")
        }
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        let row = policy.row(for: .breakRequest, carePlan: carePlan)
        enter(.onBreak)
        record(row, area: nil, detail: "")
        if let message = row.message { say(message, .question) }
    }

    mutating func skipArea() {
        guard let q = currentSlot else { return ignored("no area to skip yet") }
        let part = PartSlot.part(q)
        levels.skip(q)
        player.leave(q)
        if let open = openCheckIn, open.kind != .pressure { closeCheckIn(open.kind, answer: nil) }
        emit(
            .decision(
                PolicyDecision(
                    trigger: nil, choice: nil, actions: [], area: part.area, detail: "skip area: asked by the client")))
        say("Skipping your \(part.area) for the rest of the session.", .information)
    }

    mutating func moreTime() {
        guard let q = currentSlot else { return ignored("no area to give more time to yet") }
        let part = PartSlot.part(q)
        guard !levels.parts[q].skipped else {
            ignored("more time on a skipped area")
            say(
                "You asked me to skip your \(part.area), so I'm leaving it alone. Press More time while I work an area you'd like longer.",
                .information)
            return
        }
        let phases = plan.phases
        guard
            let phaseIndex = phases.firstIndex(where: {
                planTime >= $0.startMilliseconds && planTime < $0.endMilliseconds
            }),
            phases[phaseIndex].kind != .closing
        else {
            say("We're in the closing part now, so I can't add time to your \(part.area).", .information)
            return
        }
        // The part's block in this phase (or its latest block before now).
        let now = planTime
        let blocks = phases[...phaseIndex].reversed().flatMap(\.regions).filter {
            $0.part == part && $0.startMilliseconds <= now
        }
        guard let block = blocks.first else {
            say("Your \(part.area) isn't part of this stretch of the session.", .information)
            return
        }
        // Never into the closing.
        let closing = phases.first { $0.kind == .closing }?.startMilliseconds ?? plan.durationMilliseconds
        let length = min(configuration.moreTimeMilliseconds, closing - planTime - 5_000)
        guard length >= 10_000 else {
            say("We're nearly at the closing part, so I can't add time to your \(part.area) now.", .information)
            return
        }
        player.requestReplay(
            blockStart: block.startMilliseconds, blockEnd: block.startMilliseconds + block.durationMilliseconds,
            length: length)
        let what = length >= 55_000 ? "A minute more" : "\(length / 1_000) seconds more"
        emit(
            .decision(
                PolicyDecision(
                    trigger: nil, choice: nil, actions: [], area: part.area,
                    detail: "more time: the \(part.area)'s work again for \(length / 1_000) s, taken from what follows")
            ))
        say("\(what) on your \(part.area); it comes out of what follows.", .information)
    }
}
