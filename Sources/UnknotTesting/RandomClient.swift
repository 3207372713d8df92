import UnknotCore

/// A random but reproducible client, body and booking, for property tests and benchmarks.
public struct RandomClient: Sendable {
    public var program: Program
    public var minutes: Int
    public var carePlan: CarePlan
    public var measurements: BodyMeasurements
    public var date: CalendarDate

    /// Draws a client from `seed`. Care plans are always valid; some health answers make
    /// the screening avoid areas or cap pressure, never refuse.
    public init(seed: UInt64, catalog: ProgramCatalog) {
        var rng = SeededGenerator(seed: seed)
        measurements = Self.body(&rng)
        program = catalog.programs.randomElement(using: &rng)!
        minutes = program.lengths.randomElement(using: &rng)!
        date = CalendarDate(year: 2026, month: 11, day: 22)!
        carePlan = Self.carePlan(&rng, program: program)
    }

    public static func body(_ rng: inout SeededGenerator) -> BodyMeasurements {
        let height = Double.random(in: 150...200, using: &rng)
        var m = BodyMeasurements(height: height)
        m.shoulderWidth *= Double.random(in: 0.9...1.12, using: &rng)
        m.hipWidth *= Double.random(in: 0.9...1.12, using: &rng)
        m.waistWidth = min(
            m.waistWidth * Double.random(in: 0.85...1.12, using: &rng), 0.86 * m.shoulderWidth, 0.94 * m.hipWidth)
        m.torsoDepth *= Double.random(in: 0.85...1.2, using: &rng)
        m.neckWidth *= Double.random(in: 0.9...1.1, using: &rng)
        return m
    }

    public static func carePlan(_ rng: inout SeededGenerator, program: Program) -> CarePlan {
        func bool(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func area() -> BodyArea {
            let region = BodyRegion.allCases.randomElement(using: &rng)!
            let side: BodySide? = region.isLateral && bool(0.5) ? [.left, .right].randomElement(using: &rng)! : nil
            return BodyArea(region, side: side)
        }
        var plan = CarePlan()
        plan.painLimit = PressureLevel(clamping: Int.random(in: 2...8, using: &rng))
        plan.pressure.level = PressureLevel(clamping: Int.random(in: 1...plan.painLimit.value, using: &rng))
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let a = area()
            if !plan.pressure.byArea.contains(where: { $0.area == a }) {
                plan.pressure.byArea.append(
                    AreaPressure(a, PressureLevel(clamping: Int.random(in: 1...plan.painLimit.value, using: &rng))))
            }
        }
        plan.sensitiveAreasOptedIn = BodyRegion.allCases.filter { $0.isSensitive && bool(0.4) }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let a = area()
            if !plan.avoidAreas.contains(a) { plan.avoidAreas.append(a) }
        }
        if program.singleFocusArea {
            // Express needs one focus area the client consents to and does not avoid.
            let usable = BodyRegion.allCases.filter { region in
                plan.consents(to: region) && !plan.avoidAreas.contains { $0.region == region }
            }
            plan.focusAreas = [BodyArea(usable.randomElement(using: &rng)!)]
        }
        let focusCandidates = program.regions
        for _ in 0..<Int.random(in: 0...2, using: &rng) where !program.singleFocusArea {
            let region = focusCandidates.randomElement(using: &rng)!
            let a = BodyArea(region, side: region.isLateral && bool(0.3) ? .right : nil)
            let conflicts = plan.avoidAreas.contains { $0.region == a.region }
            if plan.consents(to: region) && !conflicts && !plan.focusAreas.contains(a) { plan.focusAreas.append(a) }
        }
        func spot() -> BodySpot {
            let region = BodyRegion.allCases.randomElement(using: &rng)!
            let side: BodySide? = region.isLateral ? [.left, .right].randomElement(using: &rng)! : nil
            if bool(0.25) { return BodySpot(area: BodyArea(region, side: side)) }
            return BodySpot(
                area: BodyArea(region, side: side),
                at: RegionCoordinate(
                    u: Double.random(in: 0...1, using: &rng), v: Double.random(in: 0...1, using: &rng)),
                radius: Double.random(in: 2...8, using: &rng))
        }
        plan.tenderSpots = (0..<Int.random(in: 0...3, using: &rng)).map { _ in spot() }
        plan.ticklishSpots = (0..<Int.random(in: 0...2, using: &rng)).map { _ in spot() }
        plan.skipTicklishSpots = bool(0.3)
        plan.ifICry = bool(0.5) ? CryingDirective.allCases.randomElement(using: &rng)! : nil
        plan.health.bloodThinners = bool(0.1)
        plan.health.painMedication = bool(0.1)
        if bool(0.15) {
            plan.health.surgeryOrInjury = [DatedArea(area(), on: CalendarDate(year: 2026, month: 11, day: 1)!)]
        }
        if bool(0.1) { plan.health.varicoseVeins = [area()] }
        return plan
    }
}
