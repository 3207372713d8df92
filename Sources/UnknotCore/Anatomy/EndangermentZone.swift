/// The kinds of endangerment zone of massage practice: places where nerves, vessels or organs
/// lie close under the skin. They take broad, flat, light contact only, never point pressure;
/// the spine takes no contact at all (work beside it, never on the spinous processes).
public enum EndangermentZoneKind: String, Codable, Sendable, CaseIterable {
    case anteriorNeckTriangle = "anterior-neck-triangle"
    case posteriorNeckTriangle = "posterior-neck-triangle"
    case axilla
    case antecubitalFossa = "antecubital-fossa"
    case femoralTriangle = "femoral-triangle"
    case sciaticNotch = "sciatic-notch"
    case poplitealFossa = "popliteal-fossa"
    case kidneyArea = "kidney-area"
    case spine
    case umbilicalArea = "umbilical-area"

    public var displayName: String {
        switch self {
        case .anteriorNeckTriangle: "front of the neck (anterior triangle)"
        case .posteriorNeckTriangle: "side of the neck (posterior triangle)"
        case .axilla: "armpit"
        case .antecubitalFossa: "inside of the elbow"
        case .femoralTriangle: "front of the hip crease (femoral triangle)"
        case .sciaticNotch: "sciatic notch"
        case .poplitealFossa: "back of the knee"
        case .kidneyArea: "kidney area"
        case .spine: "spine"
        case .umbilicalArea: "navel area"
        }
    }

    /// Whether any contact at all is forbidden (the spine), rather than only point pressure.
    public var forbidsContact: Bool { self == .spine }
}

/// One endangerment zone as geometry on a face of a particular body.
public struct EndangermentZone: Hashable, Sendable, Codable {
    public var kind: EndangermentZoneKind
    public var side: BodySide
    public var face: BodyFace
    public var shape: SurfacePolygon

    public init(kind: EndangermentZoneKind, side: BodySide, face: BodyFace, shape: SurfacePolygon) {
        self.kind = kind
        self.side = side
        self.face = face
        self.shape = shape
    }

    /// Whether a round contact of the given radius centred at `point` on `face` overlaps the
    /// zone (touching its edge exactly does not count).
    public func isTouched(at point: SurfacePoint, on face: BodyFace, radius: Double) -> Bool {
        face == self.face && shape.overlaps(diskAt: point, radius: radius)
    }
}
