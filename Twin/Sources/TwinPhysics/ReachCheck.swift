import UnknotRobotLink

/// Whether the arm can put its pad at a point, with the orientation its controller holds, within
/// its joints' ranges and away from singularities — asked before a stroke is tried, never found
/// out mid-stroke (issue #19). Inverse kinematics by damped least squares on a kinematic copy of
/// the arm (its own MuJoCo world: the live one is never touched), warm-started from the last
/// answer, so the points of one stroke take a few iterations each.
///
/// Guarantees: every answer is a ``ReachVerdict`` of the robot link (never `unchecked`), with the
/// figure behind it (how far short in cm, or the manipulability); the same points
/// asked in the same order give the same answers; nothing in the arm's live world changes.
public final class ReachCheck {
    /// Closer than this (m, rad) is there.
    public static let positionTolerance = 0.002
    public static let orientationTolerance = 0.02
    public static let iterations = 300
    /// Damping of the least squares (λ), and the largest joint step of one iteration (rad).
    static let damping = 0.05
    static let largestStep = 0.2

    let world: PhysicsWorld
    let orientation: [Double]
    let ranges: [ClosedRange<Double>]
    /// Where the last answer's solution was (the warm start), and the pose the check began from.
    private var start: [Double]
    private let initial: [Double]

    /// A check for the arm in `mjcf` (its scene), holding its pad at `orientation` (row-major 3 × 3,
    /// world frame), starting from the joint positions `start`.
    public init(mjcf: String, orientation: [Double], start: [Double]) throws(PhysicsWorld.Failure) {
        world = try PhysicsWorld(mjcf: mjcf)
        self.orientation = orientation
        ranges = ArmGeometry().jointRanges
        self.start = Array(start.prefix(ranges.count))
        initial = self.start
    }

    /// Whether the pad's centre can be at `target` (world, metres). A local solver can stall on the
    /// way from a pose far from the answer, so a point not reached from the last answer is tried
    /// again from the pose the check began with and from it with the base turned a quarter either
    /// way; out of reach only when none gets there.
    public func check(padCentre target: SIMD3<Double>) -> ReachVerdict {
        var best = Double.infinity
        for seed in seeds() {
            switch solve(target, from: seed) {
            case .solved(let verdict): return verdict
            case .stalled(let distance): best = min(best, distance)
            }
        }
        return .outOfReach(shortBy: best * 100)
    }

    private enum Attempt {
        case solved(ReachVerdict)
        case stalled(closest: Double)
    }

    private func seeds() -> [[Double]] {
        var turned = [initial, initial]
        turned[0][0] += .pi / 2
        turned[1][0] -= .pi / 2
        return [start, initial] + turned
    }

    private func solve(_ target: SIMD3<Double>, from seed: [Double]) -> Attempt {
        var q = seed
        var best = Double.infinity
        for _ in 0..<Self.iterations {
            var all = world.positions
            for i in 0..<q.count { all[i] = q[i] }
            world.positions = all
            world.kinematics()
            guard let p = world.site("pad_centre"), let jacobians = world.siteJacobians("pad_centre"),
                let rotation = world.siteRotation("pad_centre")
            else { return .stalled(closest: .infinity) }
            let ep = target - p
            let er = PadController.rotationError(desired: orientation, actual: rotation)
            let distance = (ep * ep).sum().squareRoot()
            best = min(best, distance)
            let turned = (er.map { $0 * $0 }.reduce(0, +)).squareRoot()
            let stride = jacobians.position.count / 3
            if distance < Self.positionTolerance, turned < Self.orientationTolerance {
                start = q
                return .solved(judge(q, jacobians, stride))
            }
            let step = Self.dampedStep(
                jacobians, stride: stride, joints: q.count, error: [ep.x, ep.y, ep.z, er[0], er[1], er[2]])
            let largest = step.map(abs).max() ?? 0
            let scale = largest > Self.largestStep ? Self.largestStep / largest : 1
            for i in 0..<q.count { q[i] += step[i] * scale }
        }
        return .stalled(closest: best)
    }

    private func judge(_ q: [Double], _ jacobians: (position: [Double], rotation: [Double]), _ stride: Int)
        -> ReachVerdict
    {
        for (joint, range) in ranges.enumerated()
        where q[joint] < range.lowerBound + JointWatch.limitMargin
            || q[joint] > range.upperBound - JointWatch.limitMargin
        {
            return .jointLimit(joint: joint)
        }
        let w = PadController.manipulability(
            position: jacobians.position, rotation: jacobians.rotation, stride: stride, joints: q.count)
        return w < 2 * JointWatch.singularManipulability ? .singular(manipulability: w) : .reachable(manipulability: w)
    }

    /// Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e for the arm's columns of the 6-row Jacobian.
    static func dampedStep(
        _ jacobians: (position: [Double], rotation: [Double]), stride: Int, joints n: Int, error e: [Double]
    ) -> [Double] {
        func j(_ row: Int, _ column: Int) -> Double {
            row < 3 ? jacobians.position[row * stride + column] : jacobians.rotation[(row - 3) * stride + column]
        }
        var a = [Double](repeating: 0, count: 36)
        for r in 0..<6 {
            for c in 0..<6 {
                var sum = r == c ? damping * damping : 0
                for k in 0..<n { sum += j(r, k) * j(c, k) }
                a[r * 6 + c] = sum
            }
        }
        let y = solve(&a, e, size: 6)
        return (0..<n).map { k in (0..<6).reduce(0) { $0 + j($1, k) * y[$1] } }
    }

    /// Solves A x = b (A row-major, overwritten; positive definite here, so pivots never vanish).
    static func solve(_ a: inout [Double], _ b: [Double], size n: Int) -> [Double] {
        var x = b
        guard Elimination.reduce(&a, size: n, carrying: &x) != 0 else { return [Double](repeating: 0, count: n) }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
