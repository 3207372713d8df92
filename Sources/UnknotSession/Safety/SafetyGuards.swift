/// The supervisor's guards, one bit each, so that the mutation check can switch one off and
/// show the adversarial property fails without it. Only `@testable` code can switch a guard
/// off (``SafetySupervisor`` keeps the set internal); a station never does.
struct SafetyGuards: OptionSet, Sendable, CaseIterable {
    let rawValue: UInt32

    static let watchdog = SafetyGuards(rawValue: 1 << 0)
    static let finiteValues = SafetyGuards(rawValue: 1 << 1)
    static let faultHold = SafetyGuards(rawValue: 1 << 2)
    static let noJumps = SafetyGuards(rawValue: 1 << 3)
    static let travelLimit = SafetyGuards(rawValue: 1 << 4)
    static let lyingFace = SafetyGuards(rawValue: 1 << 5)
    static let onBody = SafetyGuards(rawValue: 1 << 6)
    static let forbiddenAreas = SafetyGuards(rawValue: 1 << 7)
    static let zones = SafetyGuards(rawValue: 1 << 8)
    static let positionDecidesLimits = SafetyGuards(rawValue: 1 << 9)
    static let forceLimit = SafetyGuards(rawValue: 1 << 10)
    static let riseLimit = SafetyGuards(rawValue: 1 << 11)
    static let plausibleFrames = SafetyGuards(rawValue: 1 << 12)
    static let measuredCeiling = SafetyGuards(rawValue: 1 << 13)
    static let robotFaults = SafetyGuards(rawValue: 1 << 14)
    static let bumpLift = SafetyGuards(rawValue: 1 << 15)

    static let allCases: [SafetyGuards] = [
        .watchdog, .finiteValues, .faultHold, .noJumps, .travelLimit, .lyingFace, .onBody, .forbiddenAreas, .zones,
        .positionDecidesLimits, .forceLimit, .riseLimit, .plausibleFrames, .measuredCeiling, .robotFaults, .bumpLift,
    ]

    /// The guard's name, for the mutation check's report.
    var name: String {
        let names: [(SafetyGuards, String)] = [
            (.watchdog, "sensor watchdog"), (.finiteValues, "finite setpoints"), (.faultHold, "lifted while faulted"),
            (.noJumps, "no jumps in contact"), (.travelLimit, "travel speed"), (.lyingFace, "the face lain on"),
            (.onBody, "centre on the body"), (.forbiddenAreas, "forbidden areas"), (.zones, "endangerment zones"),
            (.positionDecidesLimits, "limits from the position"), (.forceLimit, "force limit"),
            (.riseLimit, "rise limit"), (.plausibleFrames, "plausible frames"), (.measuredCeiling, "measured ceiling"),
            (.robotFaults, "robot faults"), (.bumpLift, "lifted after a bump"),
        ]
        return names.first { $0.0 == self }?.1 ?? "guards \(rawValue)"
    }
}
