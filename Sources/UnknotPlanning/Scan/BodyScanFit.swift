import UnknotCore

/// What a fitted scan says about the body on the table.
public struct BodyScanFit: Sendable, Hashable, Codable {
    public var measurements: BodyMeasurements
    /// Distance from the crown, cm, of each landmark found in the width profile.
    public var landmarks: [String: Double]
    /// Sensor to table, mm.
    public var tableDistance: Double
    /// True when the body lay with its head at the far end of the image.
    public var wasReversed: Bool
}
