/// The twin's joint watch, as an arm's safety controller has: a joint near the end of its range, or
/// the arm near a singularity, is a fault on the link before the torques saturate or the pad
/// drifts — never followed as far as the arm goes (issue #19). A system with an explicit input (the
/// joints' positions and the manipulability each millisecond), state (how long it has been
/// singular) and output (what it found).
public struct JointWatch: Sendable, Hashable {
    /// What the watch found.
    public enum Finding: Sendable, Hashable {
        /// A joint (0 the base) within ``limitMargin`` of an end of its range.
        case jointLimit(joint: Int, position: Double)
        /// Manipulability under ``singularManipulability`` for ``singularMilliseconds``.
        case singular(manipulability: Double)
    }

    /// How near (rad) a joint may come to an end of its range.
    public static let limitMargin = 0.05
    /// Under this manipulability (|det J| of the pad's 6 × 6 Jacobian) the arm is at a singularity:
    /// a tenth of the least seen in five minutes of every program (see docs/twin.md).
    public static let singularManipulability = 0.002
    /// How long (ms) under it before it is a fault (a pose passing through is not).
    public static let singularMilliseconds = 20

    public let ranges: [ClosedRange<Double>]
    private var singularFor = 0

    public init(ranges: [ClosedRange<Double>]) { self.ranges = ranges }

    /// Takes one millisecond's joint positions (the arm's, base first) and manipulability.
    public mutating func observe(positions: [Double], manipulability: Double) -> Finding? {
        for (joint, range) in ranges.enumerated() where joint < positions.count {
            let q = positions[joint]
            if q < range.lowerBound + Self.limitMargin || q > range.upperBound - Self.limitMargin {
                return .jointLimit(joint: joint, position: q)
            }
        }
        singularFor = manipulability < Self.singularManipulability ? singularFor + 1 : 0
        return singularFor >= Self.singularMilliseconds ? .singular(manipulability: manipulability) : nil
    }

    public mutating func reset() { singularFor = 0 }
}
