import UnknotCore

extension SessionPlanner {
    /// What scheduling one phase came to.
    enum PhaseSchedule {
        /// Every part placed.
        case placed(Timeline, [PlannedRegion])
        /// Part `index` cannot have a single stroke (nothing of it between the areas to avoid).
        case cannotBuild(index: Int)
        /// One covering pass over every part does not fit the phase's time.
        case tooShort
    }

    /// Time kept per part for the lift to it from wherever the previous part ended, ms.
    static let travelAllowance = 8_000

    /// Places every part of a phase in time. Each part first gets what one covering pass over it
    /// needs (so a small area, like the neck, is never crowded out by the large ones), then the
    /// rest of the phase is shared by weight (focus areas more).
    func schedulePhase(
        _ works: [PartWork], phase: ProgramPhase, techniques: (BodyRegion) -> [Technique], start: Int,
        duration: Int, turnover: Int, heartY: Double, timeline: Timeline, geometry: PassGeometry
    ) -> PhaseSchedule {
        var timeline = timeline
        let builders = works.map {
            PassBuilder(work: $0, heartY: heartY, phaseLevel: $0.phaseLevel(phase.intensity), geometry: geometry)
        }
        var needs: [Int] = []
        for (i, work) in works.enumerated() {
            guard let need = timeline.coveringTime(builder: builders[i], techniques: techniques(work.region)) else {
                return .cannotBuild(index: i)
            }
            needs.append(need + Self.travelAllowance + (i == 0 ? turnover : 0))
        }
        let spare = duration - needs.reduce(0, +)
        guard spare >= 0 else { return .tooShort }
        let weights = works.map(weight)
        let weightSum = weights.reduce(0, +)
        var regions: [PlannedRegion] = []
        var partStart = start
        for (i, work) in works.enumerated() {
            let budget =
                i == works.count - 1
                ? start + duration - partStart : needs[i] + Int((Double(spare) * weights[i] / weightSum).rounded(.down))
            let end = partStart + budget
            let list = techniques(work.region)
            guard
                timeline.fill(
                    work, builder: builders[i], techniques: list, phase: phase.kind, from: partStart, to: end,
                    extraFirstGap: i == 0 ? turnover : 0)
            else { return .tooShort }
            regions.append(
                PlannedRegion(
                    part: work.part, startMilliseconds: partStart, durationMilliseconds: budget,
                    level: builders[i].phaseLevel, techniques: list, isFocus: work.isFocus))
            partStart = end
        }
        return .placed(timeline, regions)
    }

    /// Why no stroke fits on `part`, in the client's terms: the untouchable neighbours whose
    /// absence would make room (each tried alone), or, failing that, the area's own shape.
    func blockedReason(
        _ part: BodyPartID, request: PlanRequest, screening: ScreeningOutcome, forbidden: [BodyPartID]
    ) -> String {
        let care = request.carePlan
        let heartY = request.body.landmarks.heart
        let regions = Array(Set(forbidden.map(\.region))).sorted()
        let blocking = regions.filter { region in
            let work = makeWork(
                part, request: request, screening: screening, forbidden: forbidden.filter { $0.region != region })
            // A geometry of its own per try: its lanes are cached by part and technique.
            let builder = PassBuilder(
                work: work, heartY: heartY, phaseLevel: work.workingLevel, geometry: PassGeometry())
            return Timeline().coveringTime(builder: builder, techniques: [.gliding]) != nil
        }
        guard !blocking.isEmpty else { return "no stroke fits on it between the areas to avoid" }
        let reasons = blocking.compactMap { region -> String? in
            guard let neighbour = forbidden.first(where: { $0.region == region }),
                let why = Self.untouchable(neighbour, care: care, screening: screening)
            else { return nil }
            return "the \(region.displayName) (\(why))"
        }
        return "every stroke there would reach " + reasons.joined(separator: " or ")
    }
}
