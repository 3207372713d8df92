import Foundation
import UnknotCore

/// A session plan as an outline a person reads: phases, regions, minutes and pressure levels,
/// what was left out and why, and the adjustments made for the client.
public enum PlanOutline {
    public static func render(_ plan: SessionPlan) -> String {
        var out = "\(plan.programName), \(plan.minutes) minutes, \(plan.date)\n"
        let b = plan.body
        out += String(
            format: "Body: %.0f cm tall; shoulders %.0f, waist %.0f, hips %.0f cm; torso depth %.0f cm\n",
            b.height, b.shoulderWidth, b.waistWidth, b.hipWidth, b.torsoDepth)
        out += "Pain limit: \(plan.painLimit) of 10 · \(plan.strokes.count) strokes\n"
        for phase in plan.phases {
            out +=
                "\n\(clock(phase.startMilliseconds))  \(phase.kind.displayName) · \(minutes(phase.durationMilliseconds))"
            out += phase.posture == .supine ? " · lying on your back\n" : "\n"
            if phase.regions.isEmpty { out += "    (nothing to work in this phase)\n" }
            for region in phase.regions {
                let strokes = plan.strokes.filter {
                    $0.part == region.part && $0.startMilliseconds >= region.startMilliseconds
                        && $0.startMilliseconds < region.startMilliseconds + region.durationMilliseconds
                }
                let used = Set(strokes.map(\.technique))
                let techniques = Technique.allCases.filter(used.contains).map(\.displayName)
                var line =
                    "    \(pad(region.part.description.capitalizedFirst, 18)) \(pad(minutes(region.durationMilliseconds), 8))"
                line += " level \(pad("\(region.level)", 2)) \(techniques.joined(separator: ", "))"
                if region.isFocus { line += "  ★ focus" }
                let adapted = Set(strokes.compactMap(\.adaptation))
                if adapted.contains(.tenderSpot) { line += "  · lighter on the tender spot" }
                if adapted.contains(.ticklishSpot) { line += "  · broad still contact on the ticklish spot" }
                if adapted.contains(.endangermentZone) { line += "  · broad and light near sensitive structures" }
                out += line + "\n"
            }
        }
        if !plan.omissions.isEmpty {
            out += "\nLeft out:\n"
            for omission in plan.omissions {
                out += "    \(omission.area.description.capitalizedFirst): \(omission.reason)\n"
            }
        }
        if !plan.notes.isEmpty {
            out += "\nFor you:\n"
            for note in plan.notes { out += "    \(note)\n" }
        }
        return out
    }

    static func clock(_ ms: Int) -> String { String(format: "%02d:%02d", ms / 60_000, ms / 1000 % 60) }

    static func minutes(_ ms: Int) -> String {
        let seconds = (ms + 500) / 1000
        if seconds < 60 { return "\(seconds) s" }
        return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
