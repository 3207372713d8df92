import UnknotCore

/// Makes the depth image a camera above the table would take of a body model, with sensor
/// noise and missing readings: the test data of the scan fitter.
public struct SyntheticScan: Sendable {
    public var millimetresPerPixel = 5.0
    /// Distance from the sensor to the table top, mm.
    public var sensorToTable = 1200.0
    /// Standard deviation of the depth noise, mm.
    public var noise = 2.0
    /// Fraction of pixels with no reading.
    public var dropout = 0.003
    /// Table area covered, cm.
    public var tableWidth = 90.0
    public var margin = 10.0

    public init() {}

    public func image(of body: BodyModel, seed: UInt64) -> DepthImage {
        var rng = SeededGenerator(seed: seed)
        let cm = millimetresPerPixel / 10
        let width = Int((tableWidth / cm).rounded())
        let height = Int(((body.measurements.height + 2 * margin) / cm).rounded())
        var pixels = [UInt16](repeating: 0, count: width * height)
        for r in 0..<height {
            let y = (Double(r) + 0.5) * cm - margin
            for c in 0..<width {
                let x = (Double(c) + 0.5) * cm - tableWidth / 2
                let h = body.surfaceHeight(at: SurfacePoint(x: x, y: y)) * 10
                var depth = sensorToTable - h + rng.nextGaussian(deviation: noise)
                if Double.random(in: 0..<1, using: &rng) < dropout { depth = 0 }
                pixels[r * width + c] = UInt16(max(0, min(65535, depth.rounded())))
            }
        }
        return DepthImage(width: width, height: height, pixels: pixels, millimetresPerPixel: millimetresPerPixel)
    }
}
