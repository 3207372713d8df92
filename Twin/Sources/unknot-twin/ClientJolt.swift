import Foundation
import TwinPhysics
import UnknotRobotLink

/// `unknot-twin --bump-at SECONDS`: the client moves under the pad — their body pushes up into it
/// with `--bump-force` newtons for 200 ms, once, at the first press after that time — and the twin
/// measures what the station did: when it lifted, after how many milliseconds, and the highest
/// force the pad met (issue #19's "safety on physics").
///
/// Guarantees: taken on the arm's loop thread; the push goes through MuJoCo's applied forces on the
/// client's body, so the pad's sensor reads it as it would read a person moving.
final class ClientJolt: @unchecked Sendable {
    let world: PhysicsWorld
    let afterMilliseconds: Int
    let newtons: Double
    static let lastsMilliseconds = 200
    private(set) var startedAt: Int?
    private(set) var liftedAt: Int?
    private(set) var peakForce = 0.0
    private(set) var forceBefore = 0.0

    init(world: PhysicsWorld, afterSeconds: Double, newtons: Double) {
        self.world = world
        self.afterMilliseconds = Int(afterSeconds * 1_000)
        self.newtons = newtons
    }

    /// Looks at one step of the arm: starts the push when it is time and the pad presses, ends it
    /// after 200 ms, and notes when the station's command first lifts after it began.
    func consider(step: Int, command: RobotCommand, reading: ArmReading) {
        guard let startedAt else {
            guard step >= afterMilliseconds, command.contact, reading.force >= 0.8 * command.force else { return }
            startedAt = step
            forceBefore = reading.force
            world.push(body: BodySurface.body, force: SIMD3(0, 0, newtons))
            return
        }
        if step - startedAt <= Self.lastsMilliseconds { peakForce = max(peakForce, reading.force) }
        if step - startedAt == Self.lastsMilliseconds { world.push(body: BodySurface.body, force: .zero) }
        if liftedAt == nil, !command.contact { liftedAt = step }
    }

    /// The figures, for the report.
    var figures: [String: Double] {
        guard let startedAt else { return [:] }
        var f = [
            "bumpAtMilliseconds": Double(startedAt), "bumpForceBefore": forceBefore, "bumpPeakForce": peakForce,
        ]
        if let liftedAt { f["bumpLiftedAfterMilliseconds"] = Double(liftedAt - startedAt) }
        return f
    }

    /// One line for the log.
    var summary: String {
        guard let startedAt else { return "no bump: the pad never pressed after --bump-at" }
        let lifted =
            liftedAt.map { "the station lifted \($0 - startedAt) ms after it began" } ?? "the station never lifted"
        let figures = String(
            format: "a bump at %.1f s (the client pushing up %.0f N): the pad's force %.1f N → %.1f N at most",
            Double(startedAt) / 1_000, newtons, forceBefore, peakForce)
        return "\(figures); \(lifted)"
    }
}
