/// Where the landmarks of a body lie along it, in centimetres from the crown.
public struct BodyLandmarks: Codable, Sendable, Hashable {
    public var crown: Double
    public var chin: Double
    public var neck: Double
    public var neckBase: Double
    public var shoulders: Double
    public var armpit: Double
    public var heart: Double
    public var lowestRib: Double
    public var waist: Double
    public var iliacCrest: Double
    public var hips: Double
    public var crotch: Double
    public var knees: Double
    public var ankles: Double
    public var soles: Double

    /// Anthropometric proportions of the height (crown = 0).
    public enum Fraction {
        public static let chin = 0.125
        public static let neck = 0.135
        public static let neckBase = 0.165
        public static let shoulders = 0.185
        public static let armpit = 0.245
        public static let heart = 0.27
        public static let lowestRib = 0.335
        public static let waist = 0.38
        public static let iliacCrest = 0.42
        public static let hips = 0.47
        public static let crotch = 0.52
        public static let knees = 0.715
        public static let ankles = 0.955
    }

    public init(height h: Double) {
        crown = 0
        chin = Fraction.chin * h
        neck = Fraction.neck * h
        neckBase = Fraction.neckBase * h
        shoulders = Fraction.shoulders * h
        armpit = Fraction.armpit * h
        heart = Fraction.heart * h
        lowestRib = Fraction.lowestRib * h
        waist = Fraction.waist * h
        iliacCrest = Fraction.iliacCrest * h
        hips = Fraction.hips * h
        crotch = Fraction.crotch * h
        knees = Fraction.knees * h
        ankles = Fraction.ankles * h
        soles = h
    }
}
