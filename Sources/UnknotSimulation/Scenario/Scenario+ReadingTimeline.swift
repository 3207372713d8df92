import UnknotCore
import UnknotSession

extension DocumentReader {
    static let stepFields = [
        "at", "when", "for", "notBefore", "do", "rating", "answer", "seconds", "milliseconds", "confidence",
        "reportedAfter", "sound", "sureAfter", "code",
    ]
    static let reactionWords = ["crying", "laughter", "pain", "sigh", "relaxation", "digestive-noise"]
    static let otherWords = ["fall-asleep", "wake", "hear", "sensor-dropout", "robot-fault"]

    /// A session time: `"12:00"` (minutes:seconds), `"1:02:30"`, or a number of seconds; in ms.
    mutating func time(_ value: JSONValue, at path: String) -> Int? {
        switch value {
        case .number(let seconds) where seconds >= 0 && seconds < 86_400: return Int((seconds * 1_000).rounded())
        case .string(let text):
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
            if (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) {
                let numbers = parts.map { $0! }
                let seconds = numbers.reduce(0.0) { $0 * 60 + $1 }
                if numbers.dropFirst().allSatisfy({ $0 < 60 }), seconds < 86_400 {
                    return Int((seconds * 1_000).rounded())
                }
            }
        default: break
        }
        problem(path, "is \(value.shortText); write a session time as \"minutes:seconds\" (e.g. \"12:00\") or seconds")
        return nil
    }

    mutating func step(_ value: JSONValue, at path: String) -> ScenarioStep? {
        let example = "{\"at\": \"12:00\", \"do\": \"that-hurts\", \"rating\": 7}"
        guard let fields = object(value, at: path, known: Self.stepFields, example: example, what: "timeline step")
        else { return nil }
        var trigger: ScenarioStep.Trigger?
        switch (fields["at"], fields["when"]) {
        case (let at?, nil): trigger = time(at, at: path + ".at").map { .at($0) }
        case (nil, let when?):
            let holdFor =
                fields["for"].flatMap { number($0, at: path + ".for", range: 0...86_400, unit: " seconds") } ?? 0
            let notBefore = fields["notBefore"].flatMap { time($0, at: path + ".notBefore") } ?? 0
            if let condition = condition(when, at: path + ".when") {
                trigger = .when(condition, forMilliseconds: Int(holdFor * 1_000), notBefore: notBefore)
            }
        case (.some, .some): problem(path, "has both \"at\" and \"when\"; give one")
        case (nil, nil): problem(path, "says neither when (\"at\": \"12:00\") nor on what condition (\"when\": {…})")
        }
        guard let doValue = fields["do"] else {
            problem(path + ".do", "is missing; say what happens: " + Self.actionChoices)
            return nil
        }
        guard let action = action(doValue, fields: fields, at: path), let trigger else { return nil }
        return ScenarioStep(trigger, action)
    }

    static var actionChoices: String {
        "a control (" + ClientControl.names.joined(separator: ", ") + "), a reaction ("
            + reactionWords.joined(separator: ", ") + ") or " + otherWords.joined(separator: ", ")
    }

    mutating func action(_ value: JSONValue, fields: [String: JSONValue], at path: String) -> ScenarioStep.Action? {
        guard case .string(let word) = value else {
            problem(path + ".do", "is \(value.shortText); choose " + Self.actionChoices)
            return nil
        }
        func seconds(_ key: String, default fallback: Double, range: ClosedRange<Double> = 0...86_400) -> Int {
            Int(
                (fields[key].flatMap { number($0, at: path + "." + key, range: range, unit: " seconds") } ?? fallback)
                    * 1_000)
        }
        func confidence(default fallback: Double) -> Double {
            fields["confidence"].flatMap { number($0, at: path + ".confidence", range: 0...1, unit: " (how sure)") }
                ?? fallback
        }
        switch word {
        case "that-hurts":
            let rating = fields["rating"].flatMap {
                wholeNumber($0, at: path + ".rating", range: 0...10, meaning: "a pain rating from 0 to 10")
            }
            return .control(.thatHurts(rating: rating))
        case "answer":
            guard let answerValue = fields["answer"] else {
                problem(path + ".answer", "is missing; give the answer, e.g. \"tissue\"")
                return nil
            }
            let answer: CheckInAnswer? = choice(answerValue, at: path + ".answer")
            return answer.map { .control(.answer($0)) }
        case "break" where fields["seconds"] != nil:
            return .takeBreak(milliseconds: seconds("seconds", default: 60))
        case "pressure-up": return .control(.pressureUp)
        case "pressure-down": return .control(.pressureDown)
        case "pause": return .control(.pause)
        case "resume": return .control(.resume)
        case "break": return .control(.takeBreak)
        case "skip-this-area": return .control(.skipThisArea)
        case "more-time-here": return .control(.moreTimeHere)
        case "end": return .control(.end)
        case "call-staff": return .control(.callStaff)
        case "fall-asleep", "sleep":
            return .fallAsleep(sureAfter: seconds("sureAfter", default: 60), confidence: confidence(default: 0.85))
        case "wake": return .wake
        case "hear":
            guard let soundValue = fields["sound"] else {
                problem(path + ".sound", "is missing; name the sound, e.g. \"sobbing\"")
                return nil
            }
            let kind: SoundEvent.Kind? = choice(soundValue, at: path + ".sound")
            let ms = max(1, seconds("seconds", default: 2))
            return kind.map { .sound(SoundEvent($0, confidence: confidence(default: 0.8)), milliseconds: ms) }
        case "sensor-dropout":
            let ms = fields["milliseconds"].flatMap {
                wholeNumber($0, at: path + ".milliseconds", range: 1...60_000, meaning: "the dropout's length in ms")
            }
            return .sensorDropout(milliseconds: ms ?? 200)
        case "robot-fault":
            let code = fields["code"].flatMap {
                wholeNumber($0, at: path + ".code", range: 1...65_535, meaning: "the robot's fault code, 1-65535")
            }
            return .robotFault(code: code ?? 7)
        default:
            guard let kind = ReactionKind(rawValue: word), kind != .sleep else {
                problem(path + ".do", "is \"\(word)\"; choose " + Self.actionChoices)
                return nil
            }
            return .reaction(
                kind, milliseconds: max(1, seconds("seconds", default: 3)), confidence: confidence(default: 0.85),
                reportAfter: seconds("reportedAfter", default: 1))
        }
    }

    mutating func condition(_ value: JSONValue, at path: String) -> ScenarioCondition? {
        let known = ["area", "technique", "phase", "state", "minimumLevel"]
        guard
            let fields = object(
                value, at: path, known: known, example: "{\"area\": \"left lower-back\"}", what: "condition")
        else { return nil }
        var condition = ScenarioCondition()
        condition.area = fields["area"].flatMap { area($0, at: path + ".area") }
        condition.technique = fields["technique"].flatMap { choice($0, at: path + ".technique") }
        condition.phase = fields["phase"].flatMap { choice($0, at: path + ".phase") }
        condition.state = fields["state"].flatMap { choice($0, at: path + ".state") }
        condition.minimumLevel = fields["minimumLevel"].flatMap {
            wholeNumber($0, at: path + ".minimumLevel", range: 1...10, meaning: "a level from 1 to 10")
        }
        return condition
    }
}
