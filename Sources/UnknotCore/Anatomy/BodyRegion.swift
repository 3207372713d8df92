/// A region of the body the station can work on, in the words a client and a therapist use.
///
/// Every region carries its ISO/TS 15066 force ceiling, the face of the body it lies on,
/// whether it comes in a left and a right half, and whether it is *sensitive*: sensitive
/// regions are never touched unless the client's care plan explicitly opts in.
public enum BodyRegion: String, CaseIterable, Codable, Sendable, Comparable {
    case neck
    case jaw
    case shoulders
    case upperBack = "upper-back"
    case midBack = "mid-back"
    case lowerBack = "lower-back"
    case hips
    case glutes
    case hamstrings
    case innerThigh = "inner-thigh"
    case calves
    case feet
    case upperArms = "upper-arms"
    case forearms
    case hands
    case abdomen
    case chest
    case neckFront = "neck-front"

    /// The name a person reads ("upper back", "front of the neck").
    public var displayName: String {
        switch self {
        case .neck: "neck"
        case .jaw: "jaw"
        case .shoulders: "shoulders"
        case .upperBack: "upper back"
        case .midBack: "mid back"
        case .lowerBack: "lower back"
        case .hips: "hips"
        case .glutes: "glutes"
        case .hamstrings: "hamstrings"
        case .innerThigh: "inner thigh"
        case .calves: "calves"
        case .feet: "feet"
        case .upperArms: "upper arms"
        case .forearms: "forearms"
        case .hands: "hands"
        case .abdomen: "abdomen"
        case .chest: "chest"
        case .neckFront: "front of the neck"
        }
    }

    /// Singular form for one side ("left shoulder", "right calf").
    public var singularName: String {
        switch self {
        case .shoulders: "shoulder"
        case .hips: "hip"
        case .glutes: "glute"
        case .hamstrings: "hamstring"
        case .calves: "calf"
        case .feet: "foot"
        case .upperArms: "upper arm"
        case .forearms: "forearm"
        case .hands: "hand"
        default: displayName
        }
    }

    /// Sensitive regions (CARE.md section 2) are off unless the client opts in.
    public var isSensitive: Bool {
        switch self {
        case .glutes, .innerThigh, .abdomen, .chest, .neckFront: true
        default: false
        }
    }

    /// Regions with a left and a right half; the others lie on the midline.
    public var isLateral: Bool {
        switch self {
        case .abdomen, .neckFront: false
        default: true
        }
    }

    /// The face of the body the region lies on: posterior regions are reached with the client
    /// lying prone, anterior ones supine.
    public var face: BodyFace {
        switch self {
        case .abdomen, .chest, .neckFront: .anterior
        default: .posterior
        }
    }

    /// The ISO/TS 15066 body part whose limits apply to this region.
    public var isoBodyPart: ISOBodyPart {
        switch self {
        case .neck, .neckFront: .neck
        case .jaw: .face
        case .shoulders, .upperBack, .midBack, .lowerBack: .backAndShoulders
        case .hips, .glutes: .pelvis
        case .hamstrings, .innerThigh: .thighAndKnee
        case .calves, .feet: .lowerLeg
        case .upperArms: .upperArm
        case .forearms: .lowerArm
        case .hands: .hand
        case .abdomen: .abdomen
        case .chest: .chest
        }
    }

    /// The hard force ceiling of the region (quasi-static contact, ISO/TS 15066 Table A.2).
    public var forceCeiling: ForceCeiling { isoBodyPart.ceiling(for: self) }

    /// The highest pressure level ever used on this region, whatever the client asks:
    /// the jaw and the front of the neck take light work only.
    public var maximumLevel: PressureLevel {
        switch self {
        case .jaw: .init(clamping: 3)
        case .neckFront: .init(clamping: 2)
        case .abdomen: .init(clamping: 4)
        default: .maximum
        }
    }

    /// Whether a technique suits this region (a robot does not knead a jaw or rock a hand).
    public func allows(_ technique: Technique) -> Bool {
        switch self {
        case .jaw: [.gliding, .circularFriction].contains(technique)
        case .neckFront: [.gliding, .broadStillPressure].contains(technique)
        case .abdomen: [.gliding, .broadStillPressure, .circularFriction].contains(technique)
        case .chest: [.gliding, .broadStillPressure, .kneading].contains(technique)
        case .neck: technique != .rocking && technique != .compression
        case .hands, .feet: technique != .rocking
        case .innerThigh: [.gliding, .broadStillPressure, .kneading].contains(technique)
        default: true
        }
    }

    public static func < (lhs: BodyRegion, rhs: BodyRegion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
