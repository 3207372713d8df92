/// The position the client lies in.
public enum Posture: String, Codable, Sendable {
    case prone
    case supine

    /// The face of the body the station reaches in this posture.
    public var face: BodyFace { self == .prone ? .posterior : .anterior }
}
