/// What an arm can do at a point, from its own kinematics.
public enum ReachVerdict: Sendable, Hashable, CustomStringConvertible {
    /// It can press there, with this manipulability (|det J|; larger is further from a singularity).
    case reachable(manipulability: Double)
    /// The nearest its tool gets is this far away, cm.
    case outOfReach(shortBy: Double)
    /// Only with this joint (0 the base) at the end of its range.
    case jointLimit(joint: Int)
    /// Only near a singularity (this manipulability).
    case singular(manipulability: Double)
    /// The arm does not check its reach (it has no kinematic model to ask, like `unknot robot-sim`).
    case unchecked

    /// Whether a stroke may go there: reachable, or unchecked (nothing known against it).
    public var allowsContact: Bool {
        switch self {
        case .reachable, .unchecked: true
        case .outOfReach, .jointLimit, .singular: false
        }
    }

    public var description: String {
        switch self {
        case .reachable: "within reach"
        case .outOfReach(let short): "beyond the arm's reach by \(Int(short.rounded(.up))) cm"
        case .jointLimit(let joint): "only with the arm's joint \(joint + 1) at the end of its range"
        case .singular: "only with the arm at a singularity"
        case .unchecked: "not checked (the arm does not check its reach)"
        }
    }
}
