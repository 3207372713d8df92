import Foundation

extension DocumentReader {
    /// The plan in `tree`, every field that could be read set and every other left at its default.
    mutating func carePlan(_ tree: JSONValue) -> CarePlan {
        var plan = CarePlan()
        let keys = CarePlan.CodingKeys.allCases.map(\.rawValue)
        guard let top = object(tree, at: "", known: keys, example: "{\"schemaVersion\": 1, \"painLimit\": 6}") else {
            return plan
        }
        if let version = top["schemaVersion"], version != .null {
            plan.schemaVersion =
                wholeNumber(
                    version, at: "schemaVersion", range: 1...CarePlan.currentSchemaVersion,
                    meaning: "this Unknot reads care plans of schemaVersion \(CarePlan.currentSchemaVersion)")
                ?? CarePlan.currentSchemaVersion
        } else {
            problem(
                "schemaVersion", "is missing; start the plan with \"schemaVersion\": \(CarePlan.currentSchemaVersion)")
        }
        func field(_ key: CarePlan.CodingKeys) -> JSONValue? {
            guard let value = top[key.rawValue], value != .null else { return nil }
            return value
        }
        let areasExample = "[\"left shoulders\", \"lower-back\"]"
        if let value = field(.focusAreas) {
            plan.focusAreas = list(value, at: "focusAreas", example: areasExample) { $0.area($1, at: $2) } ?? []
        }
        if let value = field(.avoidAreas) {
            plan.avoidAreas = list(value, at: "avoidAreas", example: areasExample) { $0.area($1, at: $2) } ?? []
        }
        if let value = field(.painLimit) {
            // Out of range, the plan is checked against the highest allowed limit so that the
            // pressures are not also named for a limit the client did not write.
            plan.painLimit =
                level(
                    value, at: "painLimit",
                    meaning: "the pain limit is a whole number from 1 to 8 (9 and 10 are harmful); set 8 or lower")
                ?? .highestPainLimit
        }
        if let value = field(.pressure) { plan.pressure = pressure(value) }
        if let value = field(.tenderSpots) { plan.tenderSpots = spots(value, at: "tenderSpots") }
        if let value = field(.ticklishSpots) { plan.ticklishSpots = spots(value, at: "ticklishSpots") }
        if let value = field(.skipTicklishSpots) {
            plan.skipTicklishSpots = bool(value, at: "skipTicklishSpots") ?? false
        }
        if let value = field(.sensitiveAreasOptedIn) {
            plan.sensitiveAreasOptedIn =
                list(value, at: "sensitiveAreasOptedIn", example: "[\"glutes\", \"abdomen\"]") {
                    $0.region($1, at: $2)
                } ?? []
        }
        if let value = field(.ifICry) {
            plan.ifICry = choice(
                value, at: "ifICry", meaning: { (directive: CryingDirective) in directive.plainWords },
                otherwise: ", or leave it out for the default: \(CryingDirective.defaultPlainWords)")
        }
        if let value = field(.staffMayBeAlerted) {
            plan.staffMayBeAlerted = bool(value, at: "staffMayBeAlerted") ?? false
        }
        if let value = field(.stationMayListen) {
            plan.stationMayListen = bool(value, at: "stationMayListen") ?? false
        }
        if let value = field(.music) { plan.music = choice(value, at: "music") ?? plan.music }
        if let value = field(.voicePrompts) {
            plan.voicePrompts = choice(value, at: "voicePrompts") ?? plan.voicePrompts
        }
        if let value = field(.health) { plan.health = health(value) }
        return plan
    }

    private mutating func pressure(_ value: JSONValue) -> PressurePreference {
        var out = PressurePreference()
        let keys = PressurePreference.CodingKeys.allCases.map(\.rawValue)
        guard let fields = object(value, at: "pressure", known: keys, example: "{\"level\": 5}") else { return out }
        let scale = "pressure levels are whole numbers from 1 (lightest) to 10"
        if let level = fields["level"], level != .null {
            out.level = self.level(level, at: "pressure.level", meaning: scale) ?? out.level
        }
        if let byArea = fields["byArea"], byArea != .null {
            out.byArea =
                list(byArea, at: "pressure.byArea", example: "[{\"area\": \"calves\", \"level\": 3}]") {
                    reader, item, path in
                    guard
                        let entry = reader.object(
                            item, at: path, known: ["area", "level"], example: "{\"area\": \"calves\", \"level\": 3}")
                    else { return nil }
                    let area = reader.required(entry["area"], at: path + ".area") { $0.area($1, at: $2) }
                    let level = reader.required(entry["level"], at: path + ".level") {
                        $0.level($1, at: $2, meaning: scale)
                    }
                    guard let area, let level else { return nil }
                    return AreaPressure(area, level)
                } ?? []
        }
        return out
    }

    private mutating func spots(_ value: JSONValue, at path: String) -> [BodySpot] {
        let example = "{\"area\": \"left shoulders\", \"at\": {\"u\": 0.5, \"v\": 0.3}, \"radius\": 4}"
        return list(value, at: path, example: "[\(example)]") { reader, item, path in
            let keys = BodySpot.CodingKeys.allCases.map(\.rawValue)
            guard let fields = reader.object(item, at: path, known: keys, example: example) else { return nil }
            guard let area = reader.required(fields["area"], at: path + ".area", { $0.area($1, at: $2) }) else {
                return nil
            }
            var spot = BodySpot(area: area)
            if let at = fields["at"], at != .null,
                let point = reader.object(at, at: path + ".at", known: ["u", "v"], example: "{\"u\": 0.5, \"v\": 0.3}")
            {
                let u = reader.required(point["u"], at: path + ".at.u") {
                    $0.number($1, at: $2, range: nil, unit: "from 0 to 1 across the area")
                }
                let v = reader.required(point["v"], at: path + ".at.v") {
                    $0.number($1, at: $2, range: nil, unit: "from 0 to 1 along the area")
                }
                if let u, let v { spot.at = RegionCoordinate(u: u, v: v) }
            }
            if let radius = fields["radius"], radius != .null {
                spot.radius = reader.number(radius, at: path + ".radius", range: 1...15, unit: " cm") ?? spot.radius
            }
            if let source = fields["source"], source != .null {
                spot.source = reader.choice(source, at: path + ".source") ?? spot.source
            }
            if let note = fields["note"], note != .null { spot.note = reader.text(note, at: path + ".note") }
            return spot
        } ?? []
    }

    private mutating func health(_ value: JSONValue) -> HealthScreening {
        var out = HealthScreening()
        let keys = HealthScreening.CodingKeys.allCases.map(\.rawValue)
        guard let fields = object(value, at: "health", known: keys, example: "{\"fever\": false}") else { return out }
        func flag(_ key: HealthScreening.CodingKeys, _ set: (inout HealthScreening, Bool) -> Void) {
            guard let value = fields[key.rawValue], value != .null else { return }
            if let flag = bool(value, at: "health." + key.rawValue) { set(&out, flag) }
        }
        flag(.fever) { $0.fever = $1 }
        flag(.acuteInfection) { $0.acuteInfection = $1 }
        flag(.suspectedDeepVeinThrombosis) { $0.suspectedDeepVeinThrombosis = $1 }
        flag(.severeUncontrolledHighBloodPressure) { $0.severeUncontrolledHighBloodPressure = $1 }
        flag(.bloodThinners) { $0.bloodThinners = $1 }
        flag(.recentBruising) { $0.recentBruising = $1 }
        flag(.painMedication) { $0.painMedication = $1 }
        flag(.muscleRelaxants) { $0.muscleRelaxants = $1 }
        flag(.pregnant) { $0.pregnant = $1 }
        let areasExample = "[\"left calves\"]"
        if let value = fields["varicoseVeins"], value != .null {
            out.varicoseVeins =
                list(value, at: "health.varicoseVeins", example: areasExample) { $0.area($1, at: $2) } ?? []
        }
        if let value = fields["openSkin"], value != .null {
            out.openSkin = list(value, at: "health.openSkin", example: areasExample) { $0.area($1, at: $2) } ?? []
        }
        if let value = fields["surgeryOrInjury"], value != .null {
            let example = "{\"area\": \"right shoulders\", \"date\": \"2026-09-14\"}"
            out.surgeryOrInjury =
                list(value, at: "health.surgeryOrInjury", example: "[\(example)]") { reader, item, path in
                    guard let entry = reader.object(item, at: path, known: ["area", "date"], example: example) else {
                        return nil
                    }
                    let area = reader.required(entry["area"], at: path + ".area") { $0.area($1, at: $2) }
                    let date = reader.required(entry["date"], at: path + ".date") { $0.date($1, at: $2) }
                    guard let area, let date else { return nil }
                    return DatedArea(area, on: date)
                } ?? []
        }
        return out
    }

    /// A field that must be present: read by `read`, or named as missing.
    private mutating func required<T>(
        _ value: JSONValue?, at path: String, _ read: (inout Self, JSONValue, String) -> T?
    ) -> T? {
        guard let value, value != .null else {
            problem(path, "is missing; this field is required here")
            return nil
        }
        return read(&self, value, path)
    }
}
