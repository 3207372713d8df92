import UnknotCore

/// The robot hardware, as the live session sees it: it receives one setpoint per tick.
///
/// Station integrators implement this for their arm; until then a simulated robot stands in.
/// Every setpoint a driver receives has passed the ``SafetySupervisor``.
public protocol RobotDriver {
    /// Takes the setpoint for the coming tick. Must not block.
    mutating func apply(_ setpoint: Setpoint)
}
