/// The body parts of ISO/TS 15066 Table A.2 that massage regions map to.
public enum ISOBodyPart: String, CaseIterable, Codable, Sendable {
    case skullAndForehead = "skull-forehead"
    case face
    case neck
    case backAndShoulders = "back-shoulders"
    case chest
    case abdomen
    case pelvis
    case upperArm = "upper-arm"
    case lowerArm = "lower-arm"
    case hand
    case thighAndKnee = "thigh-knee"
    case lowerLeg = "lower-leg"

    /// Maximum permissible quasi-static force in newtons (pain onset, 75th percentile).
    public var maximumForce: Double {
        switch self {
        case .skullAndForehead: 130
        case .face: 65
        case .neck: 150
        case .backAndShoulders: 210
        case .chest: 140
        case .abdomen: 110
        case .pelvis: 180
        case .upperArm: 150
        case .lowerArm: 160
        case .hand: 140
        case .thighAndKnee: 220
        case .lowerLeg: 130
        }
    }

    /// The force and, where the care guide gives one, the pressure ceiling for a region.
    public func ceiling(for region: BodyRegion) -> ForceCeiling {
        let pressure: Double? =
            switch region {
            case .neck: 140  // neck muscle
            case .shoulders: 160  // shoulder joint
            case .upperBack, .midBack, .lowerBack: 210  // fifth lumbar vertebra
            case .hamstrings, .innerThigh: 250  // thigh muscle
            case .calves: 210  // calf
            default: nil
            }
        return ForceCeiling(bodyPart: self, force: maximumForce, pressure: pressure)
    }
}
