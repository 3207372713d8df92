import Testing
import UnknotCore
import UnknotRobotLink

@testable import TwinPhysics

/// Safety on physics (issue #19), the arm's half, in lockstep: a client moving under the pad makes
/// its force jump at once, and an arm whose station went silent leaves the skin within a bound —
/// both measured on MuJoCo's contacts. (The station's half — its supervisor lifting on the next
/// frame — runs through the link: `Twin/scripts/session --bump-at`.)
@Suite("Safety on physics")
struct SafetyOnPhysicsTests {
    /// Presses 20 N on the upper back for two seconds, from a hover.
    static func pressing() throws -> (arm: TwinArm, last: RobotCommand) {
        var arm = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        for n in 1...3_000 { _ = arm.step(following: TwinArmTests.command(UInt64(n), contact: false)) }
        var last = TwinArmTests.command(3_001, contact: true)
        for n in 3_001...5_000 {
            last = TwinArmTests.command(UInt64(n), contact: true)
            _ = arm.step(following: last)
        }
        return (arm, last)
    }

    @Test("a dropout: the arm goes on for its 20 ms watchdog, then holds clear and leaves the skin within 60 ms")
    func dropoutLeavesTheSkin() throws {
        var (arm, last) = try Self.pressing()
        // No command comes: the arm follows the last one until its watchdog holds (RobotLinkEndpoint).
        var reading = arm.step(following: last)
        #expect(abs(reading.force - 20) < 2, "pressing \(reading.force) N before the dropout")
        for _ in 1..<20 { reading = arm.step(following: last) }
        let held = last.held
        #expect(!held.contact && held.force == 0)
        var off: Int?
        for ms in 1...1_000 {
            reading = arm.step(following: held)
            if off == nil, reading.force < 0.5, arm.world.contact(geom: "pad").point == nil { off = ms }
        }
        let left = try #require(off, "the pad never left the skin")
        print("dropout: the pad left the skin \(20 + left) ms after the last command (\(left) ms after the hold)")
        #expect(20 + left <= 60, "the pad left the skin \(20 + left) ms after the last command")
        // And it stays clear: the hold's 3 cm along the normal.
        let pad = try #require(arm.world.site("pad_centre"))
        let skin = arm.surface.world(arm.surface.chart(x: pad.x, y: pad.y))
        #expect(pad.z - arm.pad - skin.z > 0.02, "the pad hangs \((pad.z - arm.pad - skin.z) * 100) cm over the skin")
    }

    @Test("the client pushing up 60 N: the pad's sensor reads the jump within milliseconds")
    func bumpIsMeasured() throws {
        var (arm, last) = try Self.pressing()
        var reading = arm.step(following: last)
        let before = reading.force
        arm.world.push(body: BodySurface.body, force: SIMD3(0, 0, 60))
        var crossed: Int?
        var peak = before
        for ms in 1...200 {
            reading = arm.step(following: last)
            peak = max(peak, reading.force)
            if crossed == nil, reading.force > 20 * SafetyLimits.bumpFactor + SafetyLimits.bumpMargin {
                crossed = ms
            }
        }
        let at = try #require(crossed, "the force never passed a 20 N press's bump limit (peak \(peak) N)")
        print("bump: \(before) N → \(peak) N at most; past the bump limit after \(at) ms")
        #expect(at <= 10, "the jump took \(at) ms to show")
    }
}
