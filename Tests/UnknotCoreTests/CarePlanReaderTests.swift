import Foundation
import PropertyBased
import Testing
import UnknotCore

/// A care plan a person wrote is read field by field: every wrong field is named at once, with
/// the valid choices or range, and nothing else is named.
@Suite struct CarePlanReaderTests {
    func problems(_ json: String) -> [CarePlanProblem] {
        do {
            _ = try CarePlan.decode(from: Data(json.utf8), asOf: CalendarDate(year: 2026, month: 6, day: 1)!)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theIssuesPlanHasEveryProblemNamedWithItsChoices() {
        let found = problems(#"{"schemaVersion":1,"painLimit":11,"focusAreas":["elbows"],"ifICry":""}"#)
        #expect(found.map(\.field) == ["focusAreas[0]", "painLimit", "ifICry"])
        #expect(found[0].message.contains("\"elbows\"") && found[0].message.contains("lower-back"))
        #expect(found[1].message.contains("is 11") && found[1].message.contains("1 to 8"))
        for directive in CryingDirective.allCases { #expect(found[2].message.contains(directive.rawValue)) }
        #expect(found[2].message.contains("leave it out"))
    }

    @Test func aMissingVersionDoesNotHideTheOtherProblems() {
        #expect(Set(problems(#"{"painLimit":9}"#).map(\.field)) == ["schemaVersion", "painLimit"])
    }

    @Test func aPainLimitOutOfRangeIsNotBlamedOnThePressures() {
        // The pressures are checked against the highest allowed limit, not a default of 6.
        #expect(problems(#"{"schemaVersion":1,"painLimit":12,"pressure":{"level":7}}"#).map(\.field) == ["painLimit"])
    }

    @Test func wrongKindsAreNamedInAPersonsWords() {
        let found = problems(
            #"""
            {"schemaVersion": "one", "skipTicklishSpots": "yes", "music": "loud",
             "pressure": {"level": 4.5, "byArea": [{"area": "calves", "level": 3}, {"area": "calves"}, 7]},
             "tenderSpots": [{"area": "left shoulders", "at": {"u": 2, "v": 0.1}}, {"at": {"u": 0.1, "v": 0.1}}],
             "health": {"fever": "no", "surgeryOrInjury": [{"area": "left calves", "date": "last week"}]},
             "sensitiveAreasOptedIn": ["belly"], "avoidAreas": "feet"}
            """#)
        let byField = Dictionary(found.map { ($0.field, $0.message) }, uniquingKeysWith: { $0 + " | " + $1 })
        #expect(
            Set(byField.keys) == [
                "schemaVersion", "skipTicklishSpots", "music", "pressure.level", "pressure.byArea[1].level",
                "pressure.byArea[2]", "tenderSpots[0].at", "tenderSpots[1].area", "health.fever",
                "health.surgeryOrInjury[0].date", "sensitiveAreasOptedIn[0]", "avoidAreas",
            ], "\(found)")
        #expect(byField["skipTicklishSpots"]?.contains("true or false") == true)
        #expect(byField["music"]?.contains("own-choice") == true)
        #expect(byField["pressure.level"]?.contains("1 (lightest) to 10") == true)
        #expect(byField["pressure.byArea[1].level"]?.contains("missing") == true)
        #expect(byField["tenderSpots[0].at"]?.contains("between 0 and 1") == true)
        #expect(byField["health.surgeryOrInjury[0].date"]?.contains("YYYY-MM-DD") == true)
        #expect(byField["sensitiveAreasOptedIn[0]"]?.contains("abdomen") == true)
        #expect(byField["avoidAreas"]?.contains("a list") == true)
        for message in byField.values { #expect(!message.contains("Swift") && !message.contains("CodingKeys")) }
    }

    @Test func invalidJSONSaysWhere() {
        let found = problems("{\"schemaVersion\": 1,\n \"painLimit\" 5}")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("not valid JSON") == true)
    }

    /// A field of a valid plan, and a value that is wrong for it.
    static let corruptions: [(field: String, key: String, value: String)] = [
        ("schemaVersion", "schemaVersion", "0"), ("painLimit", "painLimit", "\"high\""),
        ("focusAreas[0]", "focusAreas", "[\"wings\"]"), ("avoidAreas", "avoidAreas", "3"),
        ("pressure.level", "pressure", "{\"level\": 0}"),
        (
            "tenderSpots[0].radius", "tenderSpots",
            "[{\"area\": \"neck\", \"radius\": 99}]"
        ), ("ticklishSpots", "ticklishSpots", "{}"),
        ("skipTicklishSpots", "skipTicklishSpots", "1"),
        (
            "sensitiveAreasOptedIn[0]", "sensitiveAreasOptedIn",
            "[\"glute\"]"
        ), ("ifICry", "ifICry", "\"sob\""), ("staffMayBeAlerted", "staffMayBeAlerted", "\"false\""),
        ("stationMayListen", "stationMayListen", "\"yes\""),
        ("music", "music", "\"jazz\""), ("voicePrompts", "voicePrompts", "true"),
        ("health.pregnant", "health", "{\"pregnant\": \"maybe\"}"),
    ]

    @Test("any set of wrong fields: exactly those fields are named")
    func exactlyTheWrongFieldsAreNamed() async {
        await propertyCheck(count: 200, input: Gen.uint64().withoutShrink()) { seed in
            var random = SeededGenerator(seed: seed)
            let chosen = Self.corruptions.filter { _ in Bool.random(using: &random) }
            var fields = [#""schemaVersion": 1"#, #""painLimit": 6"#, #""focusAreas": ["neck"]"#]
            fields.removeAll { line in chosen.contains { line.hasPrefix("\"\($0.key)\"") } }
            fields += chosen.map { "\"\($0.key)\": \($0.value)" }
            fields.shuffle(using: &random)
            let json = "{" + fields.joined(separator: ", ") + "}"
            #expect(Set(problems(json).map(\.field)) == Set(chosen.map(\.field)), "\(json)")
        }
    }
}
