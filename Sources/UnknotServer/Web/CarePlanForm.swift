import Foundation
import UnknotCore

/// The care plan page's form: every region with what the client says of it (focus, avoid,
/// tender, ticklish, its own pressure, the area-based health questions), and the plan's general
/// settings. It reads a ``CarePlan`` into the page and a submitted form back into a plan.
///
/// Guarantees: what the form does not show is kept as it was (spots a session learned at a
/// precise point, pressure set for one side only); a sensitive region's marks count only once
/// its consent box is ticked (avoiding it never needs consent).
enum CarePlanForm {
    /// The health questions that hold from one session to the next; the day's questions (a
    /// fever, pain medication taken…) are asked before each session instead (`DayAnswers`).
    static let flags: [(key: String, question: String)] = [
        ("suspectedDeepVeinThrombosis", "A doctor suspects a blood clot (deep vein thrombosis) in my leg"),
        ("severeUncontrolledHighBloodPressure", "I have severe high blood pressure that is not under control"),
        ("bloodThinners", "I take blood thinners"),
        ("recentBruising", "I bruise easily or have fresh bruises"),
        ("pregnant", "I am pregnant"),
    ]

    static func flag(_ key: String, in health: HealthScreening) -> Bool {
        switch key {
        case "suspectedDeepVeinThrombosis": health.suspectedDeepVeinThrombosis
        case "severeUncontrolledHighBloodPressure": health.severeUncontrolledHighBloodPressure
        case "bloodThinners": health.bloodThinners
        case "recentBruising": health.recentBruising
        case "pregnant": health.pregnant
        default: false
        }
    }

    static func set(_ key: String, _ value: Bool, in health: inout HealthScreening) {
        switch key {
        case "suspectedDeepVeinThrombosis": health.suspectedDeepVeinThrombosis = value
        case "severeUncontrolledHighBloodPressure": health.severeUncontrolledHighBloodPressure = value
        case "bloodThinners": health.bloodThinners = value
        case "recentBruising": health.recentBruising = value
        case "pregnant": health.pregnant = value
        default: break
        }
    }

    /// The side an area names in the form: "both", "left" or "right".
    static func sideName(_ area: BodyArea) -> String { area.side?.rawValue ?? "both" }

    static func area(_ region: BodyRegion, side: String?) -> BodyArea {
        switch side {
        case "left": BodyArea(region, side: .left)
        case "right": BodyArea(region, side: .right)
        default: BodyArea(region)
        }
    }

    /// What one side of a region is marked as on the map.
    static func mark(_ part: BodyPartID, in plan: CarePlan) -> String {
        if plan.avoidAreas.contains(where: { $0.contains(part) }) { return "avoid" }
        if !plan.consents(to: part.region) { return "off" }
        if plan.tenderSpots.contains(where: { $0.area.contains(part) }) { return "tender" }
        if plan.ticklishSpots.contains(where: { $0.area.contains(part) }) { return "ticklish" }
        if plan.focusAreas.contains(where: { $0.contains(part) }) { return "focus" }
        return "none"
    }

    static let markColors = [
        "focus": "#5aae61", "avoid": "#9b9b9b", "tender": "#e4572e", "ticklish": "#e0b02c", "off": "#d9d2c9",
        "none": "#efe6dc",
    ]

    // MARK: Into the page

    /// The page for `plan`; `typed` keeps what the client typed in a field that could not be read
    /// (a date that is not a date), and `errors` puts each problem beside its field, opening the
    /// section it sits in (issue #18, defect 4).
    static func context(_ plan: CarePlan, typed: [String: String] = [:], errors: [String: String] = [:])
        -> [String: Any]
    {
        var regions: [[String: Any]] = []
        for region in BodyRegion.allCases {
            let focus = plan.focusAreas.first { $0.region == region }
            let avoid = plan.avoidAreas.first { $0.region == region }
            let side = avoid ?? focus ?? plan.tenderSpots.first { $0.area.region == region && $0.at == nil }?.area
            let pressure = plan.pressure.byArea.first { $0.area.region == region && $0.area.side == nil }
            let surgery = plan.health.surgeryOrInjury.first { $0.area.region == region }
            let mark = avoid != nil ? "avoid" : focus != nil ? "focus" : "none"
            regions.append([
                "id": region.rawValue,
                "name": region.displayName.prefix(1).uppercased() + region.displayName.dropFirst(),
                "lateral": region.isLateral,
                "sensitive": region.isSensitive,
                "consented": plan.sensitiveAreasOptedIn.contains(region),
                "markNone": mark == "none", "markFocus": mark == "focus", "markAvoid": mark == "avoid",
                "sideBoth": side?.side == nil, "sideLeft": side?.side == .left, "sideRight": side?.side == .right,
                "tender": plan.tenderSpots.contains { $0.area.region == region && $0.at == nil },
                "ticklish": plan.ticklishSpots.contains { $0.area.region == region && $0.at == nil },
                "levels": (0...Int(region.maximumLevel.value)).map { level in
                    [
                        "value": level, "label": level == 0 ? "as overall" : "\(level)",
                        "selected": (pressure?.level.value ?? 0) == level,
                    ] as [String: Any]
                },
                "varicose": plan.health.varicoseVeins.contains { $0.region == region },
                "openSkin": plan.health.openSkin.contains { $0.region == region },
                "surgeryDate": typed["surgery-\(region.rawValue)"] ?? surgery?.date.description ?? "",
                "surgeryError": errors["surgery-\(region.rawValue)"] ?? "",
                "healthOpen": errors["surgery-\(region.rawValue)"] != nil || surgery != nil
                    || plan.health.varicoseVeins.contains { $0.region == region }
                    || plan.health.openSkin.contains { $0.region == region },
                "pressureError": errors["pressure-\(region.rawValue)"] ?? "",
            ])
        }
        let pointSpots =
            plan.tenderSpots.enumerated().filter { $0.element.at != nil }.map { index, spot in
                [
                    "key": "tender-\(index)",
                    "text": "Tender spot on your \(spot.area)" + (spot.note.map { " (\($0))" } ?? ""),
                ]
            }
            + plan.ticklishSpots.enumerated().filter { $0.element.at != nil }.map { index, spot in
                ["key": "ticklish-\(index)", "text": "Ticklish spot on your \(spot.area)"]
            }
        return [
            "regions": regions,
            "pointSpots": pointSpots,
            "hasPointSpots": !pointSpots.isEmpty,
            "levels": (1...10).map { ["value": $0, "selected": plan.pressure.level.value == $0] as [String: Any] },
            "painLimits": (1...8).map { ["value": $0, "selected": plan.painLimit.value == $0] as [String: Any] },
            "skipTicklish": plan.skipTicklishSpots,
            "crying": [["value": "", "text": CryingDirective.defaultPlainWords, "selected": plan.ifICry == nil]]
                + CryingDirective.allCases.map {
                    ["value": $0.rawValue, "text": $0.plainWords, "selected": plan.ifICry == $0] as [String: Any]
                },
            "staffMayBeAlerted": plan.staffMayBeAlerted,
            "stationMayListen": plan.stationMayListen,
            "music": [("none", "No music"), ("soft", "Soft music"), ("own-choice", "My own music")].map {
                ["value": $0.0, "text": $0.1, "selected": plan.music.rawValue == $0.0] as [String: Any]
            },
            "voice": [
                ("on", "Speak to me (explain what happens)"), ("minimal", "Only questions and answers"),
                ("off", "Stay silent; show messages on the screen only"),
            ].map { ["value": $0.0, "text": $0.1, "selected": plan.voicePrompts.rawValue == $0.0] as [String: Any] },
            "flags": flags.map {
                ["key": $0.key, "question": $0.question, "checked": flag($0.key, in: plan.health)] as [String: Any]
            },
        ]
    }

    /// The form field a problem the studio found belongs to (`health.surgeryOrInjury[0].date` is
    /// the surgery date of that entry's region), and the problem in plain words; `nil` for the
    /// field when the problem is about the plan as a whole.
    static func formProblem(_ field: String, _ message: String, in plan: CarePlan) -> (field: String?, text: String) {
        let sentence = message.prefix(1).uppercased() + message.dropFirst()
        let text = sentence.hasSuffix(".") ? sentence : sentence + "."
        func index(after prefix: String) -> Int? {
            guard field.hasPrefix(prefix + "[") else { return nil }
            return Int(field.dropFirst(prefix.count + 1).prefix { $0.isNumber })
        }
        if let i = index(after: "health.surgeryOrInjury"), plan.health.surgeryOrInjury.indices.contains(i) {
            let region = plan.health.surgeryOrInjury[i].area.region
            return ("surgery-\(region.rawValue)", "The surgery or injury on your \(region.displayName): \(text)")
        }
        if let i = index(after: "pressure.byArea"), plan.pressure.byArea.indices.contains(i) {
            let region = plan.pressure.byArea[i].area.region
            return ("pressure-\(region.rawValue)", "The pressure on your \(region.displayName): \(text)")
        }
        switch field {
        case "pressure.level": return ("level", "Your pressure: \(text)")
        case "painLimit": return ("painLimit", "Your pain limit: \(text)")
        default: return (nil, text)
        }
    }

    // MARK: Back from the page

    /// The plan the form describes, starting from `current` for what the form does not show.
    /// Returns the problems with the form's own fields (a date that is not a date) by field.
    static func plan(from form: FormFields, current: CarePlan) -> (CarePlan, [CarePlanProblem]) {
        var plan = current
        var problems: [CarePlanProblem] = []
        let regions = BodyRegion.allCases
        plan.sensitiveAreasOptedIn = regions.filter { $0.isSensitive && form.has("consent-\($0.rawValue)") }
        plan.focusAreas = []
        plan.avoidAreas = []
        plan.tenderSpots.removeAll { $0.at == nil }
        plan.ticklishSpots.removeAll { $0.at == nil }
        // Spots at a point the client chose to remove.
        let removed = Set(form.all("remove-spot"))
        plan.tenderSpots = plan.tenderSpots.enumerated().filter { !removed.contains("tender-\($0.offset)") }.map(
            \.element)
        plan.ticklishSpots = plan.ticklishSpots.enumerated().filter { !removed.contains("ticklish-\($0.offset)") }
            .map(\.element)
        plan.pressure.byArea.removeAll { $0.area.side == nil }
        plan.health.varicoseVeins = []
        plan.health.openSkin = []
        plan.health.surgeryOrInjury = []
        for region in regions {
            let id = region.rawValue
            let area = area(region, side: region.isLateral ? form["side-\(id)"] : nil)
            let mark = form["mark-\(id)"] ?? "none"
            let allowed = plan.consents(to: region)
            if mark == "avoid" {
                plan.avoidAreas.append(area)
            } else if allowed {
                if mark == "focus" { plan.focusAreas.append(area) }
                if form.has("tender-\(id)") { plan.tenderSpots.append(BodySpot(area: area)) }
                if form.has("ticklish-\(id)") { plan.ticklishSpots.append(BodySpot(area: area)) }
                if let text = form["pressure-\(id)"], let level = Int(text), level > 0 {
                    plan.pressure.byArea.append(AreaPressure(BodyArea(region), PressureLevel(clamping: level)))
                }
            }
            if form.has("varicose-\(id)") { plan.health.varicoseVeins.append(BodyArea(region)) }
            if form.has("open-skin-\(id)") { plan.health.openSkin.append(BodyArea(region)) }
            if let text = form["surgery-\(id)"], !text.isEmpty {
                if let date = CalendarDate(text) {
                    plan.health.surgeryOrInjury.append(DatedArea(BodyArea(region), on: date))
                } else {
                    problems.append(
                        CarePlanProblem(
                            field: "surgery-\(id)",
                            message:
                                "The date of the surgery or injury on your \(region.displayName), “\(text)”, is not a "
                                + "date we can read: write it like 2026-03-14, or pick it from the calendar."))
                }
            }
        }
        if let text = form["level"], let level = Int(text) { plan.pressure.level = PressureLevel(clamping: level) }
        if let text = form["painLimit"], let level = Int(text) { plan.painLimit = PressureLevel(clamping: level) }
        plan.skipTicklishSpots = form.has("skipTicklish")
        plan.ifICry = form["ifICry"].flatMap { CryingDirective(rawValue: $0) }
        plan.staffMayBeAlerted = form.has("staffMayBeAlerted")
        plan.stationMayListen = form.has("stationMayListen")
        if let music = form["music"].flatMap(MusicChoice.init(rawValue:)) { plan.music = music }
        if let voice = form["voicePrompts"].flatMap(VoicePrompts.init(rawValue:)) { plan.voicePrompts = voice }
        for (key, _) in flags { set(key, form.has(key), in: &plan.health) }
        return (plan, problems)
    }
}
