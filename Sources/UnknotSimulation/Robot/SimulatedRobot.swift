import UnknotCore
import UnknotSession

/// A simulated robot arm: the contact force follows the commanded force with first-order
/// dynamics (time constant 15 ms), measurements carry Gaussian noise, and faults or sensor
/// dropouts happen when a test or a scenario schedules them.
public struct SimulatedRobot: RobotDriver, Sendable {
    /// A scheduled sensor dropout: no frames from `start` for `length` ms.
    public struct Dropout: Sendable, Hashable {
        public var start: Int
        public var length: Int

        public init(start: Int, length: Int) {
            self.start = start
            self.length = length
        }
    }

    public private(set) var commanded: Setpoint
    /// Actual contact force, newtons.
    public private(set) var force = 0.0
    public var faults: [(at: Int, code: Int)] = []
    public var dropouts: [Dropout] = []
    /// Measurement noise, newtons (standard deviation).
    public var noise = 0.15
    private var rng: SeededGenerator
    private var status = RobotStatus.ready
    private var faultCursor = 0

    public init(seed: UInt64, at position: SurfacePoint = SurfacePoint(x: 0, y: 0)) {
        rng = SeededGenerator(seed: seed ^ 0x5EED_0B07)
        commanded = .lifted(at: position, face: .posterior)
    }

    public mutating func apply(_ setpoint: Setpoint) { commanded = setpoint }

    /// Clears a robot fault (as an integrator's reset would).
    public mutating func reset() { status = .ready }

    /// Advances 1 ms; returns the sensor frame, or `nil` during a dropout.
    public mutating func step(at now: Int, body: inout SimulatedBody, calm: Bool) -> SensorFrame? {
        let target = commanded.contact ? commanded.normalForce : 0
        let tau = commanded.contact ? 15.0 : 8.0
        force += (target - force) * (1 / tau)
        if abs(force) < 1e-6 { force = 0 }
        body.step(contact: commanded, force: force, calm: calm)
        while faultCursor < faults.count, faults[faultCursor].at <= now {
            status = .fault(code: faults[faultCursor].code)
            faultCursor += 1
        }
        for dropout in dropouts where now >= dropout.start && now < dropout.start + dropout.length { return nil }
        let measured = max(0, force * (1 + 0.2 * body.guarding) + (force > 0 ? rng.nextGaussian(deviation: noise) : 0))
        let stiffness = body.stiffness > 0 ? body.stiffness * (1 + rng.nextGaussian(deviation: 0.02)) : 0
        return SensorFrame(measuredForce: measured, tissueStiffness: stiffness, status: status)
    }
}
