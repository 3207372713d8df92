import UnknotCore
import UnknotSession

extension DocumentReader {
    static let expectationNames = [
        "responds", "pressureDropsNextTick", "noCheckInWhileAsleep", "neverTouches", "neverDoes", "nothingHappens",
        "says", "checkIns", "staffAlerts", "completes",
    ]

    mutating func stimulus(_ value: JSONValue?, at path: String) -> ScenarioStimulus? {
        guard let value else {
            problem(path, "is missing; name what it follows: " + ScenarioStimulus.names.joined(separator: ", "))
            return nil
        }
        guard case .string(let name) = value, let stimulus = ScenarioStimulus(name: name) else {
            problem(path, "is \(value.shortText); choose " + ScenarioStimulus.names.joined(separator: ", "))
            return nil
        }
        return stimulus
    }

    private mutating func window(_ value: JSONValue?, at path: String, default fallback: Double) -> Int {
        Int((value.flatMap { number($0, at: path, range: 0...86_400, unit: " seconds") } ?? fallback) * 1_000)
    }

    private mutating func bounds(_ fields: [String: JSONValue], at path: String) -> (Int?, Int?) {
        let least = fields["atLeast"].flatMap {
            wholeNumber($0, at: path + ".atLeast", range: 0...10_000, meaning: "a whole number, 0 or more")
        }
        let most = fields["atMost"].flatMap {
            wholeNumber($0, at: path + ".atMost", range: 0...10_000, meaning: "a whole number, 0 or more")
        }
        return (least, most)
    }

    mutating func expectation(_ value: JSONValue, at path: String) -> ScenarioExpectation? {
        let example = "{\"neverTouches\": [\"feet\"]}"
        guard let fields = object(value, at: path, known: Self.expectationNames, example: example, what: "expectation")
        else { return nil }
        guard fields.count == 1, let (name, body) = fields.first else {
            problem(path, "has \(fields.count) expectations; write one per item, e.g. \(example)")
            return nil
        }
        let here = path + "." + name
        switch name {
        case "responds":
            guard
                let f = object(
                    body, at: here, known: ["to", "with", "becomes", "within", "each"],
                    example: "{\"to\": \"crying\", \"with\": \"pause-and-lift\", \"within\": 2}", what: "responds")
            else { return nil }
            let cause = stimulus(f["to"], at: here + ".to")
            let action: PolicyAction? = f["with"].flatMap { choice($0, at: here + ".with") }
            let state: SessionState? = f["becomes"].flatMap { choice($0, at: here + ".becomes") }
            if f["with"] == nil, f["becomes"] == nil {
                problem(here, "says neither \"with\" (an action) nor \"becomes\" (a state of the session)")
            }
            let within = window(f["within"], at: here + ".within", default: 2)
            let each = f["each"].flatMap { bool($0, at: here + ".each") } ?? false
            guard let cause, action != nil || state != nil else { return nil }
            return .responds(to: cause, action: action, state: state, within: within, each: each)
        case "pressureDropsNextTick":
            guard let cause = stimulus(body, at: here) else { return nil }
            guard case .control = cause else {
                problem(here, "is \(body.shortText); name a control, e.g. \"that-hurts\"")
                return nil
            }
            return .pressureDropsNextTick(after: cause)
        case "noCheckInWhileAsleep":
            guard bool(body, at: here) == true else { return nil }
            return .noCheckInWhileAsleep
        case "neverTouches":
            let areas = list(body, at: here, example: "[\"feet\"]") { $0.area($1, at: $2) }
            return areas.map { .neverTouches($0) }
        case "neverDoes":
            let actions = list(body, at: here, example: "[\"end-session\"]") { (r, v, p) -> PolicyAction? in
                r.choice(v, at: p)
            }
            return actions.map { .neverDoes($0) }
        case "nothingHappens":
            guard
                let f = object(
                    body, at: here, known: ["after", "within"],
                    example: "{\"after\": \"digestive-noise\", \"within\": 10}", what: "nothingHappens")
            else { return nil }
            let cause = stimulus(f["after"], at: here + ".after")
            let within = window(f["within"], at: here + ".within", default: 10)
            return cause.map { .nothingHappens(after: $0, within: within) }
        case "says":
            guard
                let f = object(
                    body, at: here, known: ["text", "after", "within"],
                    example: "{\"text\": \"Is that better?\", \"after\": \"that-hurts\", \"within\": 3}", what: "says")
            else { return nil }
            let words = f["text"].flatMap { self.text($0, at: here + ".text") }
            if f["text"] == nil { problem(here + ".text", "is missing; give the words the console should show") }
            let cause = stimulus(f["after"], at: here + ".after")
            let within = window(f["within"], at: here + ".within", default: 3)
            guard let words, let cause else { return nil }
            return .says(text: words, after: cause, within: within)
        case "checkIns":
            guard
                let f = object(
                    body, at: here, known: ["kind", "atLeast", "atMost"],
                    example: "{\"kind\": \"crying\", \"atMost\": 1}", what: "checkIns")
            else { return nil }
            let kind: CheckInKind? = f["kind"].flatMap { choice($0, at: here + ".kind") }
            let (least, most) = bounds(f, at: here)
            return .checkIns(kind: kind, atLeast: least, atMost: most)
        case "staffAlerts":
            guard
                let f = object(
                    body, at: here, known: ["atLeast", "atMost"], example: "{\"atMost\": 0}", what: "staffAlerts")
            else { return nil }
            let (least, most) = bounds(f, at: here)
            return .staffAlerts(atLeast: least, atMost: most)
        case "completes":
            return bool(body, at: here).map { .completes($0) }
        default:
            return nil
        }
    }
}
