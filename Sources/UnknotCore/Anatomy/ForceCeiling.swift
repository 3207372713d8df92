/// The hard limits of contact on a region: total force in newtons and, where known,
/// pressure in newtons per square centimetre. Nothing the station does may exceed them.
public struct ForceCeiling: Codable, Sendable, Hashable {
    public var bodyPart: ISOBodyPart
    /// Newtons.
    public var force: Double
    /// Newtons per square centimetre, when the standard gives a value for this region.
    public var pressure: Double?

    public init(bodyPart: ISOBodyPart, force: Double, pressure: Double?) {
        self.bodyPart = bodyPart
        self.force = force
        self.pressure = pressure
    }

    /// The ceiling for a contact of the given area: the lower of the force ceiling and the
    /// pressure ceiling times the area.
    public func force(forContactArea squareCentimetres: Double) -> Double {
        guard let pressure else { return force }
        return min(force, pressure * squareCentimetres)
    }
}
