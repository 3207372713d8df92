import UnknotCore
import UnknotPlanning
import UnknotRobotLink
import UnknotSession

/// A session's plan checked against the arm's reach before the session starts (issue #19): every
/// point of every stroke, in the station frame the arm will be given, asked of the arm's own
/// kinematics over the robot link. Parts with a point the arm cannot press at are left out and the
/// session planned again without them (their time given to the rest, each an omission naming the
/// part and why); a plan with nothing left is refused. Never discovered mid-stroke.
///
/// Guarantees: the plan returned has no stroke on a part the arm answered against; an arm that
/// does not check its reach (``ReachVerdict/unchecked``) leaves the plan as it was and says so.
public struct PlanReach: Sendable {
    /// The plan to run.
    public let plan: SessionPlan
    /// The parts left out, and why.
    public let outOfReach: [BodyPartID: String]
    /// Points asked, over every round.
    public let pointsAsked: Int
    /// Whether the arm checks its reach at all.
    public let checked: Bool

    /// Plans again at most this many times (a new plan's strokes are checked too).
    static let rounds = 3

    /// Checks `request`'s plan with `ask` (the arm's answers for points, in order) and adapts it.
    public static func check(
        _ request: PlanRequest, frame: StationFrame,
        ask: ([(position: Vector3, normal: Vector3)]) throws -> [ReachVerdict]
    ) throws -> PlanReach {
        var request = request
        var plan = try SessionPlanner().plan(request)
        var asked = 0
        for _ in 0..<rounds {
            let points = Self.points(of: plan, frame: frame)
            let verdicts = try ask(points.map { ($0.position, $0.normal) })
            asked += points.count
            guard verdicts.contains(where: { $0 != .unchecked }) || verdicts.isEmpty else {
                return PlanReach(plan: plan, outOfReach: [:], pointsAsked: asked, checked: false)
            }
            var against: [BodyPartID: ReachVerdict] = [:]
            for (point, verdict) in zip(points, verdicts) where !verdict.allowsContact {
                against[point.part] = Self.worse(against[point.part], verdict)
            }
            guard !against.isEmpty else {
                return PlanReach(plan: plan, outOfReach: request.outOfReach, pointsAsked: asked, checked: true)
            }
            for (part, verdict) in against { request.outOfReach[part] = verdict.description }
            plan = try SessionPlanner().plan(request)
        }
        throw PlanningError.nothingToWork(omissions: plan.omissions)
    }

    /// Every point of every stroke, where the arm will be told to press it.
    static func points(of plan: SessionPlan, frame: StationFrame)
        -> [(part: BodyPartID, position: Vector3, normal: Vector3)]
    {
        var points: [(part: BodyPartID, position: Vector3, normal: Vector3)] = []
        for stroke in plan.strokes {
            for p in stroke.path {
                let setpoint = Setpoint(
                    contact: true, position: p, face: stroke.face, part: stroke.part, technique: stroke.technique,
                    normalForce: stroke.targetForce, speed: stroke.speed)
                let command = frame.command(for: setpoint, sequence: 0, time: 0)
                points.append((stroke.part, command.position, command.normal))
            }
        }
        return points
    }

    /// The verdict to report for a part: out of reach by the most, else a joint's end, else a singularity.
    static func worse(_ a: ReachVerdict?, _ b: ReachVerdict) -> ReachVerdict {
        guard let a else { return b }
        switch (a, b) {
        case (.outOfReach(let x), .outOfReach(let y)): return .outOfReach(shortBy: max(x, y))
        case (.outOfReach, _), (.jointLimit, .singular): return a
        default: return b
        }
    }
}
