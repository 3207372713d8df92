import UnknotCore

extension SessionEngine {
    /// Puts `checkIn` on the console (closing any open one), about part slot `slot`.
    mutating func open(_ checkIn: CheckIn, slot: Int?) {
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        checkIns.opened(checkIn, slot: slot, at: now)
        tally.checkInsAsked += 1
        emit(.checkIn(checkIn))
        say(checkIn.question, .question, quiet: checkIn.quiet)
        if state == .working { enter(.checkingIn) }
    }

    mutating func closeCheckIn(_ kind: CheckInKind, answer: CheckInAnswer?) {
        guard checkIns.close() != nil else { return }
        emit(.checkInClosed(kind, answer: answer))
        if state == .checkingIn { enter(.working) }
    }

    /// A planned check-in about the pressure, unless the client sleeps or was asked moments ago;
    /// while sleep is likely it waits for a sign of waking (a control, pain, tears, laughter, or
    /// the signs of sleep fading).
    mutating func askPlannedCheckIn() {
        if !reactions.asleep, reactions.sleepLikely(at: now) {
            guard !checkIns.held else { return }
            checkIns.hold()
            return emit(
                .decision(
                    PolicyDecision(
                        trigger: .sleep, choice: nil, actions: [.holdPrompts], area: nil,
                        detail: "planned check-in waits: you seem to be falling asleep")))
        }
        checkIns.release()
        if reactions.asleep {
            tally.checkInsSkippedAsleep += 1
            return emit(
                .decision(
                    PolicyDecision(
                        trigger: .sleep, choice: nil, actions: [.holdPrompts], area: nil,
                        detail: "planned check-in skipped: you were asleep")))
        }
        guard checkIns.mayAskPlanned(at: now), let q = currentSlot else { return }
        open(
            CheckIn(
                kind: .pressure, question: "How is the pressure on your \(PartSlot.part(q).area)?",
                answers: [.lighter, .justRight, .firmer]), slot: q)
    }

    mutating func askAfterPain(fromDetector: Bool, slot: Int?) {
        if fromDetector {
            open(
                CheckIn(
                    kind: .afterDetectedPain, question: "Was that too much? I've eased off.",
                    answers: [.better, .lighterStill, .skipThisArea, .itsFine]), slot: slot)
        } else {
            open(
                CheckIn(
                    kind: .afterPain, question: "Is that better?", answers: [.better, .lighterStill, .skipThisArea]),
                slot: slot)
        }
    }

    mutating func askAboutCrying() {
        open(
            CheckIn(
                kind: .crying, question: "Would you like a break, a tissue, or to keep going?",
                answers: [.takeBreak, .tissue, .keepGoing], quiet: true), slot: currentSlot)
    }

    mutating func answerCheckIn(_ answer: CheckInAnswer) {
        guard let open = openCheckIn, open.answers.contains(answer) else {
            return ignored("answer \"\(answer.label)\" with no such question open")
        }
        tally.checkInsAnswered += 1
        let asked = checkIns.openSlot
        closeCheckIn(open.kind, answer: answer)
        switch answer {
        case .lighter, .lighterStill: if let q = asked { changePressure(on: q, by: -1) }
        case .firmer: if let q = asked { changePressure(on: q, by: 1) }
        case .justRight, .better: break
        case .skipThisArea:
            if let q = asked {
                levels.skip(q)
                player.leave(q)
                say("Skipping your \(PartSlot.part(q).area) for the rest of the session.", .information)
            }
        case .itsFine:
            // The client's word wins over the detector: undo the easing and forget the spot.
            if let q = asked { undoDetectedPain(on: q) }
        case .keepGoing:
            tally.cryingAnswers.append(answer)
        case .tissue:
            tally.cryingAnswers.append(answer)
            if state.movesPlan { enter(.pausedByClient) }
            say("Here's a tissue, by your right hand. Press resume whenever you're ready.", .question)
        case .takeBreak:
            tally.cryingAnswers.append(answer)
            takeBreak()
        }
    }

    /// "It's fine" after a detector's pain on `q`: the cut is undone and the spot forgotten.
    mutating func undoDetectedPain(on q: Int) {
        spots.forgetDetected(on: q, within: 120_000, at: now)
        let before = levels.cap(q)
        if let undo = reactions.detectedPainUndo, undo.slot == q {
            levels.undoCut(q, level: undo.level, painCap: undo.painCap)
        }
        reactions.saidFine(on: q, at: now)
        levelChanged(q, from: before)
        say("Thanks. Back to how it was on your \(PartSlot.part(q).area).", .information)
    }

    /// An answer about part slot `q` ("lighter", "firmer"): about the part asked, even if the
    /// arm has moved on.
    mutating func changePressure(on q: Int, by step: Int) {
        let saved = lastContact
        lastContact = RecentContact(
            slot: q, at: now, position: saved?.position ?? player.position, face: saved?.face ?? player.face,
            level: saved?.level ?? levels.cap(q))
        if lastSetpoint.contact, player.active.partSlot != q {
            // Answer about the part asked, not the one touched now.
            let before = levels.cap(q)
            levels.nudge(q, by: step)
            levelChanged(q, from: before)
        } else {
            changePressure(by: step)
        }
        lastContact = saved
    }
}
