/// The measurements of a body lying on the table, in centimetres: what a scan recovers and
/// what the body model is built from.
public struct BodyMeasurements: Codable, Sendable, Hashable {
    /// Crown of the head to the soles.
    public var height: Double
    /// Outline width across the shoulders, seen from above.
    public var shoulderWidth: Double
    /// Outline width at the narrowest point of the waist.
    public var waistWidth: Double
    /// Outline width across the hips.
    public var hipWidth: Double
    /// Height of the back above the table at the shoulder blades, lying prone.
    public var torsoDepth: Double
    /// Outline width of the neck at its narrowest.
    public var neckWidth: Double

    public init(
        height: Double, shoulderWidth: Double, waistWidth: Double, hipWidth: Double, torsoDepth: Double,
        neckWidth: Double
    ) {
        self.height = height
        self.shoulderWidth = shoulderWidth
        self.waistWidth = waistWidth
        self.hipWidth = hipWidth
        self.torsoDepth = torsoDepth
        self.neckWidth = neckWidth
    }

    /// Typical proportions for a given height (used when only the height is known).
    public init(height: Double) {
        self.init(
            height: height, shoulderWidth: height * 0.232, waistWidth: height * 0.172, hipWidth: height * 0.204,
            torsoDepth: height * 0.128, neckWidth: height * 0.067)
    }

    /// The ranges the body model supports.
    public static var supportedRanges:
        [(name: String, keyPath: KeyPath<BodyMeasurements, Double>, range: ClosedRange<Double>)]
    {
        [
            ("height", \.height, 140...210),
            ("shoulderWidth", \.shoulderWidth, 30...56),
            ("waistWidth", \.waistWidth, 20...50),
            ("hipWidth", \.hipWidth, 25...56),
            ("torsoDepth", \.torsoDepth, 14...40),
            ("neckWidth", \.neckWidth, 8...18),
        ]
    }

    /// Every measurement outside the supported range or out of proportion, named.
    public func problems() -> [String] {
        var problems: [String] = []
        for (name, keyPath, range) in Self.supportedRanges where !range.contains(self[keyPath: keyPath]) {
            let value = self[keyPath: keyPath]
            let shown = value.isFinite ? String(Int(value.rounded())) : "\(value)"
            problems.append(
                "\(name) is \(shown) cm; the body model supports \(Int(range.lowerBound)) to \(Int(range.upperBound)) cm"
            )
        }
        if waistWidth >= hipWidth * 0.98 || waistWidth >= shoulderWidth * 0.9 {
            problems.append("waistWidth must be narrower than the hips and the shoulders")
        }
        if neckWidth >= shoulderWidth * 0.5 { problems.append("neckWidth must be under half the shoulder width") }
        return problems
    }
}
