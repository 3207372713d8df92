/// The side of the body, from the client's point of view.
public enum BodySide: String, Codable, Sendable, CaseIterable, Comparable {
    case left
    case right
    case midline

    /// The sign of the lateral surface coordinate on this side (+1 right, -1 left, 0 midline).
    public var sign: Double {
        switch self {
        case .left: -1
        case .right: 1
        case .midline: 0
        }
    }

    public static func < (lhs: BodySide, rhs: BodySide) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
