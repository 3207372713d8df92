/// What drives a simulated client's body signals at one moment.
public struct BodyState: Sendable, Hashable {
    public var relaxation = 0.0
    public var pain = 0.0
    /// Milliseconds into a crying episode (-1 when not crying).
    public var cryingFor = -1
    public var laughing = false
    public var asleep = false
    public var sighing = false

    public init() {}
}
