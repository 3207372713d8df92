import Testing
import UnknotCore
import UnknotTesting

@Suite struct ScreeningTests {
    let day = CalendarDate(year: 2026, month: 11, day: 22)!
    var prone: Program { Fixtures.catalog().program(id: "total-back")! }

    @Test(arguments: [
        \HealthScreening.fever, \.acuteInfection, \.suspectedDeepVeinThrombosis, \.severeUncontrolledHighBloodPressure,
    ])
    func seriousConditionsRefuseWithAReason(_ flag: WritableKeyPath<HealthScreening, Bool> & Sendable) {
        var health = HealthScreening()
        health[keyPath: flag] = true
        let outcome = ContraindicationScreening.screen(health, program: nil, on: day)
        #expect(outcome.isRefused)
        #expect(outcome.refusals.count == 1 && outcome.refusals[0].reason.count > 20)
        #expect(outcome.refusals[0].field.hasPrefix("health."))
    }

    @Test func pregnancyRefusesProneProgramsOnly() {
        let outcome = ContraindicationScreening.screen(HealthScreening(pregnant: true), program: prone, on: day)
        #expect(outcome.isRefused)
        #expect(outcome.refusals[0].reason.contains("consult a professional"))
        #expect(outcome.refusals[0].field == "health.pregnant")
        var supineOnly = prone
        supineOnly.phases = [
            ProgramPhase(
                kind: .focusedWork, share: 1, posture: .supine, regions: [.chest], techniques: [.gliding], intensity: 1)
        ]
        #expect(
            !ContraindicationScreening.screen(HealthScreening(pregnant: true), program: supineOnly, on: day).isRefused)
    }

    @Test func bloodThinnersAndBruisingKeepItLight() {
        let outcome = ContraindicationScreening.screen(HealthScreening(bloodThinners: true), program: prone, on: day)
        #expect(!outcome.isRefused)
        #expect(outcome.levelCap == .lightMaximum)
        #expect(
            ContraindicationScreening.screen(HealthScreening(recentBruising: true), program: prone, on: day).levelCap
                == .lightMaximum)
    }

    @Test func recentSurgeryAvoidsTheAreaForSixWeeks() {
        let knee = BodyArea(.calves, side: .left)
        let recent = HealthScreening(surgeryOrInjury: [
            DatedArea(knee, on: CalendarDate(year: 2026, month: 10, day: 12)!)
        ])
        let old = HealthScreening(surgeryOrInjury: [DatedArea(knee, on: CalendarDate(year: 2026, month: 10, day: 11)!)])
        // 41 days ago: avoided; 42 days ago: six weeks have passed.
        #expect(ContraindicationScreening.screen(recent, program: prone, on: day).avoidAreas.map(\.area) == [knee])
        #expect(ContraindicationScreening.screen(old, program: prone, on: day).avoidAreas.isEmpty)
    }

    @Test func veinsSkinAndMedicationAdjust() {
        let health = HealthScreening(
            varicoseVeins: [BodyArea(.calves)], openSkin: [BodyArea(.hands, side: .right)], painMedication: true)
        let outcome = ContraindicationScreening.screen(health, program: prone, on: day)
        #expect(outcome.avoidAreas.map(\.area) == [BodyArea(.calves), BodyArea(.hands, side: .right)])
        #expect(outcome.checkInMoreOften.count == 1)
        #expect(ContraindicationScreening.screen(HealthScreening(), program: prone, on: day).isClear)
    }

    @Test func calendarDaysCount() {
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2028-02-29") != nil)
        // Issue #17, finding 13: "+999" read as the year 999; signs and spaces are not digits.
        for odd in ["+999-01-01", "-999-01-01", " 999-01-01", "2026-+1-01", "2026-01-+1", "２０２６-01-01"] {
            #expect(CalendarDate(odd) == nil, "\(odd)")
        }
        #expect(
            CalendarDate(year: 2026, month: 1, day: 1)!.days(until: CalendarDate(year: 2027, month: 1, day: 1)!) == 365)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    }
}
