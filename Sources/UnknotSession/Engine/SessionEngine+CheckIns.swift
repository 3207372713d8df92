import UnknotCore

/// How loud a message is allowed to be.
enum MessageImportance: Int, Comparable {
    /// Said aloud only with voice prompts on.
    case information
    /// Questions and answers to the client's own requests: aloud unless voice prompts are off.
    case question
    /// Pain and faults: aloud unless voice prompts are off.
    case safety

    static func < (a: MessageImportance, b: MessageImportance) -> Bool { a.rawValue < b.rawValue }
}

extension SessionEngine {
    /// Shows a message on the console; speaks it if the client's voice setting allows and the
    /// client is awake (no loud prompts while asleep).
    mutating func say(_ text: String, _ importance: MessageImportance, quiet: Bool = false) {
        let spoken: Bool =
            switch carePlan.voicePrompts {
            case .off: false
            case .minimal: importance >= .question
            case .on: true
            }
        emit(.message(ConsoleMessage(text, spoken: spoken && !asleep, quiet: quiet || asleep)))
    }

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
            .replacingOccurrences(of: "{level}", with: String(effectiveCap(q)))
    }

    mutating func open(_ checkIn: CheckIn, slot: Int?) {
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        openCheckIn = checkIn
        openCheckInAt = now
        openCheckInSlot = slot
        lastCheckInAt = now
        tally.checkInsAsked += 1
        emit(.checkIn(checkIn))
        say(checkIn.question, .question, quiet: checkIn.quiet)
        if state == .working { enter(.checkingIn) }
    }

    mutating func closeCheckIn(_ kind: CheckInKind, answer: CheckInAnswer?) {
        guard openCheckIn != nil else { return }
        openCheckIn = nil
        emit(.checkInClosed(kind, answer: answer))
        if state == .checkingIn { enter(.working) }
    }

    /// A planned check-in about the pressure, unless the client sleeps or was asked moments ago.
    mutating func askPlannedCheckIn() {
        if asleep {
            tally.checkInsSkippedAsleep += 1
            return emit(
                .decision(
                    PolicyDecision(
                        trigger: .sleep, choice: nil, actions: [.holdPrompts], area: nil,
                        detail: "planned check-in skipped: you were asleep")))
        }
        guard openCheckIn == nil, lastCheckInAt.elapsed(until: now) >= 120_000 else { return }
        guard let q = currentSlot else { return }
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
        lastCryingCheckInAt = now
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
        let asked = openCheckInSlot
        closeCheckIn(open.kind, answer: answer)
        switch answer {
        case .lighter, .lighterStill: if let q = asked { changePressure(on: q, by: -1) }
        case .firmer: if let q = asked { changePressure(on: q, by: 1) }
        case .justRight, .better: break
        case .skipThisArea:
            if let q = asked {
                parts[q].skipped = true
                if active.partSlot == q { active.kind = active.contactStart != nil ? .idle : .none }
                say("Skipping your \(PartSlot.part(q).area) for the rest of the session.", .information)
            }
        case .itsFine:
            // The client's word wins over the detector: undo the easing and forget the spot.
            if let q = asked {
                tally.fineAnswers[q] = now
                tender.removeAll { $0.slot == q && $0.fromDetector && $0.count == 1 && now - $0.lastAt < 120_000 }
                let before = effectiveCap(q)
                if let undo = tally.detectedPainUndo, undo.slot == q {
                    parts[q].painCap = undo.painCap
                    parts[q].level = undo.level
                }
                tally.detectedPainUndo = nil
                levelChanged(q, from: before)
                say("Thanks. Back to how it was on your \(PartSlot.part(q).area).", .information)
            }
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

    mutating func changePressure(on q: Int, by step: Int) {
        let saved = lastContact
        lastContact = RecentContact(
            slot: q, at: now, position: saved?.position ?? position, face: saved?.face ?? face,
            level: saved?.level ?? effectiveCap(q))
        if lastSetpoint.contact, active.partSlot != q {
            // Answer about the part asked, not the one touched now.
            let before = effectiveCap(q)
            parts[q].levelTouched = true
            parts[q].level = max(1, parts[q].level + step)
            levelChanged(q, from: before)
        } else {
            changePressure(by: step)
        }
        lastContact = saved
    }

    /// Plan times of the planned check-ins: two to four in a relaxation session (after the
    /// warm-up, mid-session, before the closing), more in deep work (as each focus area or deep
    /// region begins), and every five minutes when the screening asks for more.
    static func checkInTimes(for plan: SessionPlan) -> [Int] {
        let duration = plan.durationMilliseconds
        guard duration > 0 else { return [] }
        var times: [Int] = []
        if let first = plan.phases.first, plan.phases.count > 1 { times.append(first.endMilliseconds + 30_000) }
        times.append(duration / 2)
        if plan.phases.count > 2, let last = plan.phases.last { times.append(last.startMilliseconds - 30_000) }
        let deep =
            plan.phases.contains { $0.regions.contains { $0.level.value >= 6 } }
            || plan.strokes.contains { $0.technique == .triggerPointHold && $0.level.value >= 5 }
        if deep {
            for phase in plan.phases where phase.kind == .focusedWork {
                for region in phase.regions where region.isFocus || region.level.value >= 6 {
                    times.append(region.startMilliseconds + 60_000)
                }
            }
        }
        if !plan.screening.checkInMoreOften.isEmpty {
            var t = 300_000
            while t < duration - 120_000 {
                times.append(t)
                t += 300_000
            }
        }
        times = times.filter { $0 > 60_000 && $0 < duration - 60_000 }.sorted()
        var spaced: [Int] = []
        for t in times where spaced.last.map({ t - $0 >= 120_000 }) ?? true { spaced.append(t) }
        let most = !plan.screening.checkInMoreOften.isEmpty ? 12 : deep ? 8 : 4
        if spaced.count > most {
            // Keep an even spread.
            spaced = (0..<most).map { spaced[$0 * spaced.count / most] }
        }
        return spaced
    }
}
