import UnknotCore
import UnknotSession
import UnknotStation

/// A hardware interface for the loop's tests: the force follows each setpoint with a 10 ms time
/// constant, every setpoint written is kept, and writes can be made to fail.
final class ScriptedHardware: RobotHardware, @unchecked Sendable {
    private(set) var lifecycle = HardwareLifecycle.unconfigured
    let identity: RobotIdentity? = RobotIdentity(
        model: "scripted", serial: "S-1", simulated: true, maximumForce: 60, maximumSpeed: 25, watchdogMilliseconds: 20)
    private(set) var written: [Setpoint] = []
    /// Station times whose write throws.
    var failingAt: Set<Int> = []
    private var force = 0.0

    init() { written.reserveCapacity(200_000) }

    func configure() throws(HardwareError) { lifecycle = .inactive }
    func activate() throws(HardwareError) { lifecycle = .active }
    func deactivate() throws(HardwareError) { lifecycle = .inactive }
    func reset() throws(HardwareError) { lifecycle = .inactive }

    func read(at now: Int) -> SensorFrame? {
        SensorFrame(measuredForce: force, tissueStiffness: force > 0.5 ? 8 : 0)
    }

    func write(_ setpoint: Setpoint, at now: Int) throws(HardwareError) {
        guard lifecycle == .active else { throw .notActive }
        if failingAt.contains(now) { throw .sendFailed(errno: 101) }
        written.append(setpoint)
        force += ((setpoint.contact ? setpoint.normalForce : 0) - force) / 10
    }
}
