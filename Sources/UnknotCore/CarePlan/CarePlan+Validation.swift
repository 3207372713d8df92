import Foundation

extension CarePlan {
    /// Reads a care plan from JSON a person wrote. Every problem is reported at once, each
    /// naming its field, what was found and the valid choices or range: unknown fields (with
    /// the nearest known name), values of the wrong kind, words that are not among the
    /// choices, and everything ``validate(asOf:)`` finds in the fields that could be read.
    public static func decode(from data: Data, asOf day: CalendarDate = .today()) throws(CarePlanError) -> CarePlan {
        let tree: JSONValue
        do {
            tree = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let message =
                switch JSONDiagnosis.diagnose(data) {
                case .syntax(let line, let column, let expected)?:
                    "is not valid JSON: at line \(line), column \(column), expected \(expected)"
                case .tooDeep(let limit)?:
                    "is nested more than \(limit) arrays or objects deep; a care plan needs at most four"
                case .notWhole?, nil:
                    "is not valid JSON; check for a missing comma, quote or brace"
                }
            throw CarePlanError(problems: [CarePlanProblem(field: "(file)", message: message)])
        }
        if case .object(let top) = tree, case .number(let version)? = top["schemaVersion"],
            version.rounded() != version
        {
            throw CarePlanError(problems: [
                CarePlanProblem(
                    field: "schemaVersion",
                    message:
                        "is \(JSONValue.number(version).shortText); it is a whole number, \(currentSchemaVersion) for this Unknot"
                )
            ])
        }
        if case .object(let top) = tree, case .number(let version)? = top["schemaVersion"],
            version > Double(currentSchemaVersion)
        {
            throw CarePlanError(problems: [
                CarePlanProblem(
                    field: "schemaVersion",
                    message:
                        "is \(JSONValue.number(version).shortText), written by a newer Unknot; this one reads versions up to \(currentSchemaVersion)"
                )
            ])
        }
        return try decode(tree: tree, asOf: day)
    }

    /// Reads a care plan from a JSON tree (a plan inside a larger document, a scenario), with
    /// every problem named at once as ``decode(from:asOf:)`` does.
    public static func decode(tree: JSONValue, asOf day: CalendarDate = .today()) throws(CarePlanError) -> CarePlan {
        var reader = DocumentReader()
        let plan = reader.carePlan(tree)
        let named = Set(reader.problems.map(\.field))
        let problems = reader.problems + plan.validate(asOf: day).filter { !named.contains($0.field) }
        guard problems.isEmpty else { throw CarePlanError(problems: problems) }
        return plan
    }

    /// The JSON of the plan, pretty-printed with stable key order (for export and for
    /// handing to another therapist or station).
    public func exportJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Every problem with the plan, each naming its field; empty when the plan is usable.
    /// Dates are judged as of `day` (a surgery cannot have happened after it).
    public func validate(asOf day: CalendarDate = .today()) -> [CarePlanProblem] {
        var problems: [CarePlanProblem] = []
        func problem(_ field: String, _ message: String) { problems.append(.init(field: field, message: message)) }

        if schemaVersion < 1 || schemaVersion > Self.currentSchemaVersion {
            problem("schemaVersion", "must be \(Self.currentSchemaVersion)")
        }
        if painLimit > .highestPainLimit {
            problem("painLimit", "is \(painLimit); the highest pain limit is 8 (9 and 10 are harmful), set 8 or lower")
        }
        if pressure.level > painLimit {
            problem(
                "pressure.level",
                "is \(pressure.level), above the pain limit \(painLimit); lower it or raise painLimit (at most 8)")
        }
        var seenPressure = Set<BodyArea>()
        for (i, entry) in pressure.byArea.enumerated() {
            if entry.level > painLimit {
                problem(
                    "pressure.byArea[\(i)].level",
                    "is \(entry.level) for \(entry.area), above the pain limit \(painLimit); lower it or raise painLimit"
                )
            }
            if !seenPressure.insert(entry.area).inserted {
                problem("pressure.byArea[\(i)].area", "\(entry.area) has a pressure already; keep one entry per area")
            }
        }
        for (i, area) in focusAreas.enumerated() {
            if avoidAreas.contains(where: { $0.region == area.region && ($0.side == nil || $0.side == area.side) }) {
                problem("focusAreas[\(i)]", "\(area) is also in avoidAreas; remove it from one of the two lists")
            }
            if !consents(to: area.region) {
                problem(
                    "focusAreas[\(i)]",
                    "\(area) is a sensitive area; add \"\(area.region.rawValue)\" to sensitiveAreasOptedIn to have it worked, or remove it"
                )
            }
        }
        if Set(focusAreas).count != focusAreas.count { problem("focusAreas", "lists an area twice") }
        for (i, region) in sensitiveAreasOptedIn.enumerated() where !region.isSensitive {
            problem(
                "sensitiveAreasOptedIn[\(i)]",
                "\(region.rawValue) is not a sensitive area and needs no opt-in; sensitive areas are "
                    + BodyRegion.allCases.filter(\.isSensitive).map(\.rawValue).joined(separator: ", "))
        }
        for (list, spots) in [("tenderSpots", tenderSpots), ("ticklishSpots", ticklishSpots)] {
            for (i, spot) in spots.enumerated() {
                if let at = spot.at {
                    if spot.area.region.isLateral && spot.area.side == nil {
                        problem(
                            "\(list)[\(i)].area",
                            "a spot with a position needs a side; write \"left \(spot.area.region.rawValue)\" or \"right \(spot.area.region.rawValue)\""
                        )
                    }
                    if !at.isValid {
                        problem("\(list)[\(i)].at", "is u \(at.u), v \(at.v); u and v must each be between 0 and 1")
                    }
                }
                if !(1...15).contains(spot.radius) {
                    problem("\(list)[\(i)].radius", "is \(spot.radius) cm; use 1 to 15 cm")
                }
            }
        }
        problems += sizeProblems()
        for (i, entry) in health.surgeryOrInjury.enumerated() where entry.date > day {
            problem("health.surgeryOrInjury[\(i)].date", "\(entry.date) is in the future; give the day it happened")
        }
        return problems
    }

    /// How long the lists of a plan may be, and its notes: enough for any body (every region on
    /// both sides is 2 × the regions), never a plan of megabytes (issue #17, finding 7: a client
    /// saved a 0.99 MB plan, thirty times).
    public enum Limits {
        /// A list of areas (focus, avoid, varicose veins, open skin, pressures by area).
        public static var areas: Int { 2 * BodyRegion.allCases.count }
        /// Tender spots, ticklish spots: each list.
        public static let spots = 40
        /// Surgeries and injuries.
        public static let surgeries = 20
        /// A spot's note, in UTF-8 bytes.
        public static let noteBytes = 500
    }

    /// The lists over their length and the notes that are too long or hold hidden characters.
    func sizeProblems() -> [CarePlanProblem] {
        var problems: [CarePlanProblem] = []
        let lists: [(String, Int, Int, String)] = [
            ("focusAreas", focusAreas.count, Limits.areas, "areas"),
            ("avoidAreas", avoidAreas.count, Limits.areas, "areas"),
            ("pressure.byArea", pressure.byArea.count, Limits.areas, "areas"),
            ("sensitiveAreasOptedIn", sensitiveAreasOptedIn.count, Limits.areas, "areas"),
            ("tenderSpots", tenderSpots.count, Limits.spots, "spots"),
            ("ticklishSpots", ticklishSpots.count, Limits.spots, "spots"),
            ("health.surgeryOrInjury", health.surgeryOrInjury.count, Limits.surgeries, "entries"),
            ("health.varicoseVeins", health.varicoseVeins.count, Limits.areas, "areas"),
            ("health.openSkin", health.openSkin.count, Limits.areas, "areas"),
        ]
        for (field, count, most, what) in lists where count > most {
            problems.append(.init(field: field, message: "lists \(count) \(what); keep it to \(most)"))
        }
        for (list, spots) in [("tenderSpots", tenderSpots), ("ticklishSpots", ticklishSpots)] {
            for (i, spot) in spots.enumerated() {
                guard let note = spot.note,
                    let problem = PlainText.problem(in: note, what: "the note", most: Limits.noteBytes, multiline: true)
                else { continue }
                problems.append(.init(field: "\(list)[\(i)].note", message: problem))
            }
        }
        return problems
    }
}
