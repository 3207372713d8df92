/// What an arm says it is, in its handshake.
public struct RobotIdentity: Sendable, Hashable, Codable {
    public var model: String
    public var serial: String
    /// A simulated arm and body, not hardware.
    public var simulated: Bool
    /// The most normal force the arm will apply, newtons.
    public var maximumForce: Double
    /// The fastest the arm will move, cm/s.
    public var maximumSpeed: Double
    /// How long the arm holds its last command before lifting on its own, ms.
    public var watchdogMilliseconds: Int

    public init(
        model: String, serial: String, simulated: Bool, maximumForce: Double, maximumSpeed: Double,
        watchdogMilliseconds: Int
    ) {
        self.model = model
        self.serial = serial
        self.simulated = simulated
        self.maximumForce = maximumForce
        self.maximumSpeed = maximumSpeed
        self.watchdogMilliseconds = watchdogMilliseconds
    }
}
