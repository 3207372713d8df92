import UnknotCore

extension Scenario {
    /// The top-level fields of a scenario file.
    static let fields = [
        "name", "about", "program", "minutes", "seed", "readSignals", "date", "until", "client", "timeline", "expect",
    ]

    /// Reads a scenario a person wrote (JSON, or YAML turned into the same tree). Every problem
    /// is named at once, each with its field, what was found and the valid choices or range.
    /// - Parameter name: the scenario's name when the file gives none (e.g. the file's name).
    public static func read(_ tree: JSONValue, name fallbackName: String = "scenario") throws(ScenarioError) -> Scenario
    {
        var reader = DocumentReader()
        let example = "{\"program\": \"neck-jaw-shoulders\", \"minutes\": 30, \"timeline\": [], \"expect\": []}"
        guard let top = reader.object(tree, at: "", known: fields, example: example, what: "scenario") else {
            throw ScenarioError(problems: reader.problems)
        }
        func field(_ key: String) -> JSONValue? {
            guard let value = top[key], value != .null else { return nil }
            return value
        }
        let name = field("name").flatMap { reader.text($0, at: "name") } ?? fallbackName
        let about = field("about").flatMap { reader.text($0, at: "about") } ?? ""
        var program = ""
        if let value = field("program") {
            program = reader.text(value, at: "program") ?? ""
        } else {
            reader.problem("program", "is missing; name a program, e.g. \"program\": \"neck-jaw-shoulders\"")
        }
        var minutes = 30
        if let value = field("minutes") {
            minutes =
                reader.wholeNumber(
                    value, at: "minutes", range: 5...180, meaning: "write the session's length in minutes, e.g. 30")
                ?? 30
        } else {
            reader.problem("minutes", "is missing; write the session's length in minutes, e.g. \"minutes\": 30")
        }
        let seed =
            field("seed").flatMap {
                reader.wholeNumber($0, at: "seed", range: 0...Int(Int32.max), meaning: "write a whole number, e.g. 1")
            }.map(UInt64.init) ?? 1
        let readsSignals = field("readSignals").flatMap { reader.bool($0, at: "readSignals") } ?? false
        let date = field("date").flatMap { reader.date($0, at: "date") }
        let until = field("until").flatMap { reader.time($0, at: "until") }
        var persona = Persona.plain
        if let value = field("client") {
            persona = reader.client(value, seed: seed, asOf: date ?? Scenario.defaultDate)
        }
        var steps: [ScenarioStep] = []
        if let value = field("timeline") {
            steps =
                reader.list(
                    value, at: "timeline", example: "[{\"at\": \"12:00\", \"do\": \"that-hurts\", \"rating\": 7}]"
                ) {
                    $0.step($1, at: $2)
                } ?? []
        }
        var expectations: [ScenarioExpectation] = []
        if let value = field("expect") {
            expectations =
                reader.list(value, at: "expect", example: "[{\"neverTouches\": [\"feet\"]}]") {
                    $0.expectation($1, at: $2)
                } ?? []
        }
        guard reader.problems.isEmpty else { throw ScenarioError(problems: reader.problems) }
        return Scenario(
            name: name, about: about, program: program, minutes: minutes, seed: seed, readsSignals: readsSignals,
            date: date, until: until, persona: persona, steps: steps, expectations: expectations)
    }
}

extension DocumentReader {
    static let clientFields = [
        "persona", "carePlan", "tenderSpots", "ticklish", "hurtsAbove", "tears", "fallsAsleepAfterMinutes", "breakAt",
        "breakSeconds", "rumbles", "relaxationRate", "heartRate", "answerDelay", "pressesUpTwiceAt",
    ]

    /// The client: a persona (or a plain client) with the traits the file sets.
    mutating func client(_ value: JSONValue, seed: UInt64, asOf day: CalendarDate) -> Persona {
        var persona = Persona.plain
        guard
            let fields = object(
                value, at: "client", known: Self.clientFields, example: "{\"persona\": \"sleeper\"}",
                what: "client")
        else { return persona }
        func field(_ key: String) -> JSONValue? {
            guard let value = fields[key], value != .null else { return nil }
            return value
        }
        if let value = field("persona"), let name = text(value, at: "client.persona") {
            if let named = Persona.named(name, seed: seed) {
                persona = named
            } else {
                problem("client.persona", "is \"\(name)\"; choose one of \(Persona.names.joined(separator: ", "))")
            }
        }
        if let value = field("carePlan") {
            do {
                persona.carePlan = try CarePlan.decode(tree: value, asOf: day)
            } catch {
                adopt(error.problems.map { $0.inside("client.carePlan") })
            }
        }
        if let value = field("tenderSpots") {
            persona.tenderSpots =
                list(
                    value, at: "client.tenderSpots",
                    example: "[{\"area\": \"left shoulders\", \"u\": 0.3, \"v\": 0.4, \"hurtsAbove\": 4}]"
                ) { $0.tenderSpot($1, at: $2) } ?? []
        }
        if let value = field("ticklish") {
            persona.ticklishRegions =
                list(value, at: "client.ticklish", example: "[\"feet\"]") { $0.region($1, at: $2) } ?? []
        }
        if let value = field("hurtsAbove") {
            persona.hurtsAboveLevel =
                wholeNumber(
                    value, at: "client.hurtsAbove", range: 1...10,
                    meaning: "pressure above this level hurts anywhere: a whole number from 1 to 10 (10: never)")
                ?? persona.hurtsAboveLevel
        }
        if let value = field("tears") { persona.tears = tears(value, at: "client.tears") }
        if let value = field("fallsAsleepAfterMinutes") {
            persona.fallsAsleepAfterMinutes = number(
                value, at: "client.fallsAsleepAfterMinutes", range: 0...180, unit: " minutes into the plan")
        }
        if let value = field("breakAt") {
            persona.breakAt = number(value, at: "client.breakAt", range: 0...1, unit: " (a fraction of the plan)")
        }
        if let value = field("breakSeconds") {
            persona.breakSeconds = secondsRange(value, at: "client.breakSeconds") ?? persona.breakSeconds
        }
        if let value = field("rumbles") { persona.rumbles = bool(value, at: "client.rumbles") ?? false }
        if let value = field("relaxationRate") {
            persona.relaxationRate =
                number(value, at: "client.relaxationRate", range: 0...1, unit: " per minute") ?? persona.relaxationRate
        }
        if let value = field("heartRate") {
            persona.baseHeartRate =
                number(value, at: "client.heartRate", range: 40...120, unit: " beats a minute") ?? persona.baseHeartRate
        }
        if let value = field("answerDelay") {
            persona.answerDelay = secondsRange(value, at: "client.answerDelay") ?? persona.answerDelay
        }
        if let value = field("pressesUpTwiceAt") {
            persona.pressesUpTwiceAt = number(
                value, at: "client.pressesUpTwiceAt", range: 0...1, unit: " (a fraction of the plan)")
        }
        return persona
    }

    mutating func tenderSpot(_ value: JSONValue, at path: String) -> Persona.TenderSpot? {
        guard
            let fields = object(
                value, at: path, known: ["area", "u", "v", "radius", "hurtsAbove"],
                example: "{\"area\": \"left shoulders\", \"u\": 0.3, \"v\": 0.4, \"hurtsAbove\": 4}",
                what: "tender spot")
        else { return nil }
        guard let areaValue = fields["area"] else {
            problem(path + ".area", "is missing; name the area, e.g. \"left shoulders\"")
            return nil
        }
        let spotArea = area(areaValue, at: path + ".area")
        let u = fields["u"].flatMap { number($0, at: path + ".u", range: 0...1, unit: " across the area") } ?? 0.5
        let v = fields["v"].flatMap { number($0, at: path + ".v", range: 0...1, unit: " along the area") } ?? 0.5
        let radius = fields["radius"].flatMap { number($0, at: path + ".radius", range: 1...20, unit: " cm") } ?? 5
        let above =
            fields["hurtsAbove"].flatMap {
                wholeNumber($0, at: path + ".hurtsAbove", range: 1...10, meaning: "a level from 1 to 10")
            } ?? 4
        guard let spotArea else { return nil }
        return Persona.TenderSpot(
            area: spotArea, at: RegionCoordinate(u: u, v: v), radius: radius, hurtsAboveLevel: above)
    }

    mutating func tears(_ value: JSONValue, at path: String) -> Persona.Tears? {
        let example = "{\"region\": \"shoulders\", \"technique\": \"gliding\", \"after\": 20, \"answer\": \"tissue\"}"
        guard
            let fields = object(
                value, at: path, known: ["region", "technique", "minimumLevel", "after", "seconds", "answer"],
                example: example, what: "tears")
        else { return nil }
        let where_ = fields["region"].flatMap { region($0, at: path + ".region") } ?? .shoulders
        let technique: Technique = fields["technique"].flatMap { choice($0, at: path + ".technique") } ?? .gliding
        let minimum =
            fields["minimumLevel"].flatMap {
                wholeNumber($0, at: path + ".minimumLevel", range: 1...10, meaning: "a level from 1 to 10")
            } ?? 1
        let after =
            fields["after"].flatMap { number($0, at: path + ".after", range: 0...3_600, unit: " seconds") } ?? 20
        let lasting = fields["seconds"].flatMap { secondsRange($0, at: path + ".seconds") } ?? 40...80
        let answer: CheckInAnswer = fields["answer"].flatMap { choice($0, at: path + ".answer") } ?? .keepGoing
        return Persona.Tears(
            region: where_, technique: technique, minimumLevel: minimum, afterSeconds: after, seconds: lasting,
            answer: answer)
    }

    /// Seconds as `[low, high]` (or one number for both).
    mutating func secondsRange(_ value: JSONValue, at path: String) -> ClosedRange<Double>? {
        if case .number(let one) = value, one >= 0 { return one...one }
        guard case .array(let pair) = value, pair.count == 2, case .number(let low) = pair[0],
            case .number(let high) = pair[1], low >= 0, low <= high
        else {
            problem(path, "is \(value.shortText); write seconds as [low, high], e.g. [40, 80]")
            return nil
        }
        return low...high
    }
}
