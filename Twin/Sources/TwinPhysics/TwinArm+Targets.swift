import UnknotCore
import UnknotRobotLink

extension TwinArm {
    /// The controller's target for a press at the command's point, and the pad centre's goal
    /// (world): the centre over the contact point on the client's surface, out along its normal.
    ///
    /// The arm's force loop runs on its pad's sensor (filtered): the press asked, corrected by what
    /// it measures (proportional and integral, the integral held within half the target). On the
    /// skin — touching now or within ``contactGapMilliseconds`` — the pad presses along the
    /// contact's normal as its sensor measures it, is drawn toward the target across the skin from
    /// where it touches (the tissue's give taken out: measured from the pad's centre, the way on a
    /// steep side would pull the pad up the slope it pressed down), and the target's speed is fed
    /// forward across the skin only (along the normal the force loop leads: the centre rides out
    /// and in as the surface curves under a lagging target, and fed forward that lifts the pad).
    /// In the air, it comes down to the skin the scan put there: fast while far, slow for the touch;
    /// behind the goal along its normal, it backs out first.
    mutating func pressTarget(_ command: RobotCommand, here: SIMD3<Double>?) -> (PadController.Target, SIMD3<Double>) {
        let point = surface.chart(x: world(command.position).x, y: world(command.position).y)
        let n = surface.normal(point)
        let goal = surface.world(point) + pad * n
        let v = previous.map { (goal - $0) / world.timestep } ?? .zero
        previous = goal
        let touching = lastForce > Self.touchingForce
        let onSkin = sinceTouch < Self.contactGapMilliseconds
        let error = command.force - sensedForce
        if touching {
            forceIntegral += error * world.timestep
            let limit = 0.5 * command.force / Self.forceIntegralGain
            forceIntegral = min(max(forceIntegral, -limit), limit)
        } else if !onSkin {
            forceIntegral = 0
        }
        let correction = (touching ? Self.forceProportionalGain * error : 0) + Self.forceIntegralGain * forceIntegral
        let pressing = onSkin ? command.force + correction : command.force
        var press = PadController.Target.press(
            x: goal.x, y: goal.y, force: max(0, pressing), vx: v.x, vy: v.y, vz: v.z, normal: n)
        if onSkin, let skin, let touchNormal {
            press.normal = touchNormal
            let across = v - (v * touchNormal).sum() * touchNormal
            (press.vx, press.vy, press.vz) = (across.x, across.y, across.z)
            press.offset = surface.world(point) - skin
        } else if let here {
            // Behind the goal along its normal (over the top of the hip, for a point on its side), it
            // backs out first: coming in from there, it pressed toward the body beside the point and stalled.
            let gap = ((here - goal) * n).sum()
            press.approach =
                gap < -Self.behind
                ? max(-Self.approachSpeed, Self.approachGain * gap)
                : min(Self.approachSpeed, max(Self.touchSpeed, Self.approachGain * gap))
        }
        return (press, goal)
    }

    /// The controller's target while lifted, and the pad centre's goal (world): hanging under its
    /// centre, straight over the command's point (the station's clearance is straight up; along a
    /// tilted normal the pad would swing sideways into the neck or the shoulder the clearance was
    /// measured against).
    ///
    /// Leaving the skin, the pad first moves out along the contact's normal until it is
    /// ``leaveDistance`` clear of the skin at rest (for at most ``leaveMilliseconds``): straight up, or straight over the point, a pad lifting off a steep
    /// side (the jaw, the neck) slid into it — 99 N on the twin. Then up, over, and down: the arm
    /// never travels across the body below the height it is going to, nor descends while still
    /// travelling across it (from where it is parked, a straight line to the first target can pass
    /// through it).
    mutating func liftTarget(_ command: RobotCommand, here: SIMD3<Double>?) -> (PadController.Target, SIMD3<Double>) {
        let goal = world(command.position) + SIMD3(0, 0, pad)
        previous = nil
        forceIntegral = 0
        if sinceTouch < Self.leaveMilliseconds, let touchNormal, let here, let skin,
            ((here - skin) * touchNormal).sum() < pad + Self.leaveDistance
        {
            // Out along the normal and up: straight out from a near-vertical side, low over the
            // table, the pad met the table's edge beside the client.
            let way = touchNormal + SIMD3(0, 0, 1)
            let out = here + Self.leaveClearance * way / (way * way).sum().squareRoot()
            return (.hover(x: out.x, y: out.y, height: out.z), goal)
        }
        let now = here ?? goal
        let dx = goal.x - now.x
        let dy = goal.y - now.y
        let across = (dx * dx + dy * dy).squareRoot()
        if across > 0.03, now.z < goal.z - 0.01 {
            // Up first: off a steep side, a way up and across at once cut into it (31 N on the hip).
            return (.hover(x: now.x, y: now.y, height: goal.z), goal)
        }
        return (.hover(x: goal.x, y: goal.y, height: across > 0.03 ? max(goal.z, now.z) : goal.z), goal)
    }

    /// How far ahead along the skin's normal the pad is drawn while it leaves the skin, m, and how
    /// far clear of the skin at rest it leaves it (the tissue springs back after a press: 100 ms out
    /// from a deep press on the hip's side, the skin came back against the pad at 31 N).
    static let leaveClearance = 0.05
    static let leaveDistance = 0.03
    /// How far behind a press's goal along its normal (m) the pad backs out before coming in (less,
    /// it is a pad near the skin it is landing on).
    static let behind = 0.02
}
