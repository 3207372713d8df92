/// The face of the body a point lies on: the back of the body (reached prone) or the front
/// (reached supine).
public enum BodyFace: String, Codable, Sendable, CaseIterable {
    case posterior
    case anterior
}
