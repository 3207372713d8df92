import UnknotCore
import UnknotPlanning
import UnknotRobotLink
import UnknotSession
import UnknotStation

extension StationCommandLine {
    /// The session's plan checked against the arm's reach before it starts (`PlanReach`): parts the
    /// arm cannot work are left out, with why, and said; a plan with nothing left is refused.
    static func planWithinReach(_ request: PlanRequest, link: RobotLinkHardware, frame: StationFrame) throws
        -> PlanReach
    {
        let reach: PlanReach
        do {
            reach = try PlanReach.check(request, frame: frame) { points in try link.reach(points) }
        } catch let error as PlanningError {
            throw CommandError("the arm cannot work this session: \(error.description)")
        } catch {
            throw CommandError("the arm's reach could not be checked: \(error)")
        }
        if !reach.checked {
            say("station: the arm does not check its reach (\(reach.pointsAsked) points asked); the plan is as planned")
        } else if reach.outOfReach.isEmpty {
            say("station: every stroke is within the arm's reach (\(reach.pointsAsked) points checked)")
        } else {
            let parts = reach.outOfReach.sorted { $0.key.area.description < $1.key.area.description }
                .map { "\($0.key.area): \($0.value)" }
            say(
                "station: left out of the plan, the arm cannot work them (\(reach.pointsAsked) points checked): "
                    + parts.joined(separator: "; "))
        }
        return reach
    }
}
