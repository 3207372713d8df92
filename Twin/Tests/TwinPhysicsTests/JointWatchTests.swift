import Testing
import UnknotCore
import UnknotRobotLink

@testable import TwinPhysics

/// Joint limits and singularities are faults on the link (issue #19), found by the twin's joint
/// watch before the torques saturate or the pad drifts, never followed as far as the arm goes.
@Suite("The twin's joint watch")
struct JointWatchTests {
    static let ranges = ArmGeometry().jointRanges

    @Test("a joint within 0.05 rad of an end of its range is found at once")
    func jointLimit() {
        var watch = JointWatch(ranges: Self.ranges)
        var q = [0.3, -1.4, 2.4, -0.5, 0.2, 0.0]
        #expect(watch.observe(positions: q, manipulability: 1) == nil)
        q[2] = Self.ranges[2].upperBound - 0.01
        #expect(watch.observe(positions: q, manipulability: 1) == .jointLimit(joint: 2, position: q[2]))
    }

    @Test("a singular pose passing through is not a fault; held for 20 ms it is")
    func singularity() {
        var watch = JointWatch(ranges: Self.ranges)
        let q = [0.3, -1.4, 2.4, -0.5, 0.2, 0.0]
        for _ in 1..<JointWatch.singularMilliseconds { #expect(watch.observe(positions: q, manipulability: 0) == nil) }
        #expect(watch.observe(positions: q, manipulability: 1) == nil)
        for _ in 1..<JointWatch.singularMilliseconds { _ = watch.observe(positions: q, manipulability: 0) }
        #expect(watch.observe(positions: q, manipulability: 0) == .singular(manipulability: 0))
    }

    @Test("the determinant is exact on known matrices")
    func determinant() {
        var identity = [Double](repeating: 0, count: 36)
        for i in 0..<6 { identity[i * 6 + i] = 2 }
        #expect(PadController.determinant(&identity, size: 6) == 64)
        var swapped: [Double] = [0, 1, 1, 0]
        #expect(PadController.determinant(&swapped, size: 2) == -1)
        var singular: [Double] = [1, 2, 2, 4]
        #expect(PadController.determinant(&singular, size: 2) == 0)
    }

    @Test("the arm hanging straight (all joints at zero) is singular; parked beside the table it is not")
    func manipulabilityOfPoses() throws {
        let world = try PhysicsWorld(mjcf: StationScene.mjcf())
        let controller = PadController(world: world)
        world.positions = [0, 0, 0, 0, 0, 0]
        world.forward()
        let straight = controller.output(.hover(x: 1, y: 0, height: 1.2), world: world).manipulability
        #expect(straight < 1e-9, "hanging straight: \(straight)")
        var arm = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        _ = arm.step(following: TwinArmTests.command(1, contact: false))
        #expect(
            arm.leastManipulability > JointWatch.singularManipulability * 10,
            "parked: \(arm.leastManipulability)")
    }

    @Test("on the link: driven to a singular pose the twin reports fault 7004, at a joint's end 7003")
    func faultsOnTheLink() throws {
        var arm = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        let hover = TwinArmTests.command(1, contact: false)
        arm.world.positions = [0, 0, 0, 0, 0, 0, 0]
        var reading = arm.step(following: hover)
        for n in 2...(JointWatch.singularMilliseconds + 5) where reading.faultCode == nil {
            reading = arm.step(following: TwinArmTests.command(UInt64(n), contact: false))
        }
        #expect(reading.faultCode == TwinArm.Fault.singularity)

        var other = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        var q = other.world.positions
        q[0] = Self.ranges[0].upperBound - 0.01
        other.world.positions = q
        #expect(other.step(following: hover).faultCode == TwinArm.Fault.jointLimit)
    }
}
