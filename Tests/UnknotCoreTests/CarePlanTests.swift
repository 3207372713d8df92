import Foundation
import Testing
import UnknotCore

@Suite struct CarePlanTests {
    func problems(_ json: String) -> [CarePlanProblem] {
        do {
            _ = try CarePlan.decode(from: Data(json.utf8))
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aCompletePlanRoundTrips() throws {
        let plan = CarePlan(
            focusAreas: [BodyArea(.shoulders, side: .left)], avoidAreas: [BodyArea(.feet)],
            pressure: PressurePreference(
                level: PressureLevel(clamping: 4), byArea: [AreaPressure(BodyArea(.calves), PressureLevel(clamping: 3))]
            ),
            tenderSpots: [BodySpot(area: BodyArea(.shoulders, side: .left), at: RegionCoordinate(u: 0.2, v: 0.3))],
            ticklishSpots: [BodySpot(area: BodyArea(.feet))], skipTicklishSpots: true, sensitiveAreasOptedIn: [.glutes],
            ifICry: .pauseAndOfferTissue, staffMayBeAlerted: true, stationMayListen: true, music: .none,
            voicePrompts: .off)
        let decoded = try CarePlan.decode(from: plan.exportJSON())
        #expect(decoded == plan)
    }

    @Test func aMinimalPlanTakesTheDefaults() throws {
        let plan = try CarePlan.decode(from: Data(#"{"schemaVersion": 1}"#.utf8))
        #expect(plan.painLimit == .defaultPainLimit)
        #expect(plan.ifICry == nil)
        #expect(plan.sensitiveAreasOptedIn.isEmpty)
        #expect(!plan.stationMayListen, "the station does not listen until the client says yes")
    }

    @Test func unknownFieldsAreNamedWithASuggestion() {
        let found = problems(#"{"schemaVersion": 1, "focus_areas": ["neck"], "health": {"fevr": true}}"#)
        #expect(found.contains { $0.field == "focus_areas" && $0.message.contains("focusAreas") })
        #expect(found.contains { $0.field == "health.fevr" })
    }

    @Test func everyWrongFieldIsReportedAtOnce() {
        let found = problems(
            #"""
            {"schemaVersion": 1, "painLimit": 9, "pressure": {"level": 9},
             "focusAreas": ["glutes", "feet"], "avoidAreas": ["feet"],
             "sensitiveAreasOptedIn": ["neck"],
             "tenderSpots": [{"area": "shoulders", "at": {"u": 1.5, "v": 0.2}, "radius": 40}]}
            """#)
        let fields = Set(found.map(\.field))
        #expect(
            fields.isSuperset(of: [
                "painLimit", "focusAreas[0]", "focusAreas[1]", "sensitiveAreasOptedIn[0]", "tenderSpots[0].area",
                "tenderSpots[0].at", "tenderSpots[0].radius",
            ]))
        #expect(found.first { $0.field == "painLimit" }!.message.contains("8"))
        #expect(found.first { $0.field == "focusAreas[0]" }!.message.contains("sensitiveAreasOptedIn"))
    }

    @Test func typeAndValueErrorsNameTheField() {
        #expect(problems(#"{"schemaVersion": 1, "painLimit": 11}"#).first?.field == "painLimit")
        #expect(problems(#"{"schemaVersion": 1, "focusAreas": ["elbowz"]}"#).first?.field == "focusAreas[0]")
        #expect(problems(#"{"schemaVersion": 1, "ifICry": "sing"}"#).first?.field == "ifICry")
        #expect(problems(#"{"painLimit": 5}"#).first?.field == "schemaVersion")
        #expect(problems(#"{"schemaVersion": 7}"#).first?.message.contains("newer") == true)
        #expect(problems("{not json").first?.message.contains("not valid JSON") == true)
        #expect(problems("[1, 2]").first?.field == "(top level)")
    }

    @Test func datesAreJudgedAsOfTheSessionDay() throws {
        let json =
            #"{"schemaVersion": 1, "health": {"surgeryOrInjury": [{"area": "left calves", "date": "2026-11-20"}]}}"#
        let before = CalendarDate(year: 2026, month: 11, day: 19)!
        let after = CalendarDate(year: 2026, month: 11, day: 22)!
        #expect(throws: CarePlanError.self) { try CarePlan.decode(from: Data(json.utf8), asOf: before) }
        #expect(try CarePlan.decode(from: Data(json.utf8), asOf: after).health.surgeryOrInjury.count == 1)
    }

    @Test func areasParseInTheWaysPeopleWriteThem() throws {
        #expect(try BodyArea(parsing: "left shoulders") == BodyArea(.shoulders, side: .left))
        #expect(try BodyArea(parsing: "shoulders:right") == BodyArea(.shoulders, side: .right))
        #expect(try BodyArea(parsing: "Left Shoulder") == BodyArea(.shoulders, side: .left))
        #expect(try BodyArea(parsing: "upper back") == BodyArea(.upperBack))
        #expect(try BodyArea(parsing: "abdomen") == BodyArea(.abdomen))
        #expect(throws: BodyAreaParseError.self) { try BodyArea(parsing: "left abdomen") }
        #expect(throws: BodyAreaParseError.self) { try BodyArea(parsing: "wings") }
    }

    @Test func theCardSaysWhatANewTherapistMustKnow() {
        var plan = CarePlan(
            focusAreas: [BodyArea(.neck)], avoidAreas: [BodyArea(.feet)], painLimit: PressureLevel(clamping: 5),
            tenderSpots: [BodySpot(area: BodyArea(.shoulders, side: .left), source: .learned)],
            sensitiveAreasOptedIn: [.glutes], ifICry: .pauseAndOfferTissue)
        plan.health.bloodThinners = true
        let card = plan.card(name: "Alex")
        #expect(card.contains("Alex"))
        #expect(card.contains("Never above: 5 of 10"))
        #expect(card.contains("Do not touch: feet"))
        #expect(card.contains("Sensitive areas I agree to: glutes"))
        #expect(card.contains("all over the left shoulder, noticed during a session"))
        #expect(card.contains("If I cry: Pause and offer me a tissue."))
        #expect(card.contains("blood thinners"))
        #expect(CarePlan().card().contains("If I cry: Keep working gently"))
    }

    @Test func preferencesResolveMostSpecificFirst() {
        var plan = CarePlan()
        plan.pressure = PressurePreference(
            level: PressureLevel(clamping: 5),
            byArea: [
                AreaPressure(BodyArea(.shoulders), PressureLevel(clamping: 4)),
                AreaPressure(BodyArea(.shoulders, side: .left), PressureLevel(clamping: 2)),
            ])
        #expect(plan.preferredLevel(for: BodyPartID(.shoulders, .left)).value == 2)
        #expect(plan.preferredLevel(for: BodyPartID(.shoulders, .right)).value == 4)
        #expect(plan.preferredLevel(for: BodyPartID(.calves, .right)).value == 5)
    }
}
