import UnknotCore

extension CheckInSchedule {
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
