import UnknotCore

/// Makes the depth image a camera above the table would take of a body model, with sensor
/// noise and missing readings: the test data of the scan fitter.
public struct SyntheticScan: Sendable {
    public var millimetresPerPixel = 5.0
    /// Distance from the sensor to the table top, mm (1.2 m for top views, 1.5 m for raw frames).
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

    /// A depth camera like those mounted over a station: 240 × 400 pixels, rows along the table,
    /// 75° field of view along it, 1.5 m above the table.
    public static let stationCamera = DepthCamera(fx: 260, fy: 260, cx: 119.5, cy: 199.5)

    /// The raw frame a camera `cameraHeight` millimetres above the middle of the body would
    /// take: each pixel's ray is followed down until it meets the body or the table.
    public func rawFrame(
        of body: BodyModel, camera: DepthCamera = SyntheticScan.stationCamera, width: Int = 240, height: Int = 400,
        cameraHeight: Double = 1500, seed: UInt64
    ) -> DepthImage {
        var rng = SeededGenerator(seed: seed)
        let table = cameraHeight
        let middle = body.measurements.height / 2
        let reach = 45.0  // cm: nothing of the body lies further from the midline
        // Nothing of the body rises higher than its back or head (mm above the table).
        let top = table - 10 * (max(body.measurements.torsoDepth, 17) + 1)
        var pixels = [UInt16](repeating: 0, count: width * height)
        for r in 0..<height {
            let b = (Double(r) - camera.cy) / camera.fy
            for c in 0..<width {
                let a = (Double(c) - camera.cx) / camera.fx
                // Chart point (cm) where the ray is at depth z (mm).
                func point(_ z: Double) -> SurfacePoint { SurfacePoint(x: a * z / 10, y: middle + b * z / 10) }
                func above(_ z: Double) -> Bool { (table - z) > body.surfaceHeight(at: point(z)) * 10 }
                var depth = table
                let near = point(top)
                let far = point(table)
                let missesBody =
                    min(abs(near.x), abs(far.x)) > reach
                    || max(near.y, far.y) < -1 || min(near.y, far.y) > body.measurements.height + 1
                if !missesBody {
                    var z = top
                    while z < table && above(z) { z += 10 }
                    if z < table {
                        var lo = z - 10
                        var hi = z
                        for _ in 0..<10 {
                            let mid = (lo + hi) / 2
                            if above(mid) { lo = mid } else { hi = mid }
                        }
                        depth = hi
                    }
                }
                depth += rng.nextGaussian(deviation: noise)
                if Double.random(in: 0..<1, using: &rng) < dropout { depth = 0 }
                pixels[r * width + c] = UInt16(max(0, min(65535, depth.rounded())))
            }
        }
        return DepthImage(width: width, height: height, pixels: pixels, millimetresPerPixel: 0, camera: camera)
    }
}
