import UnknotCore
import UnknotSession
import UnknotSimulation
import UnknotStation

/// A simulated station (arm, body and client signals) runs as a demo station, step by step.
extension SimulatedStation: SteppedStation {
    public var pendingEventCount: Int { pendingEvents.count }
    public var breathsPerMinute: Double { detector?.stream.breathing.perMinute ?? 0 }
    public var robotIdentity: RobotIdentity {
        RobotIdentity(
            model: "unknot simulated station", serial: "sim-\(seed)", simulated: true, maximumForce: 80,
            maximumSpeed: 30, watchdogMilliseconds: 20)
    }
}
