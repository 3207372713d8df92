import ArgumentParser
import Foundation
import UnknotCore
import UnknotPlanning

/// How the body is given: a depth scan, or measurements.
struct BodyOptions: ParsableArguments {
    @Option(help: "A depth scan of the client lying prone (16-bit PGM, millimetres from the sensor).")
    var scan: String?
    @Option(help: "Millimetres per pixel of a top-view scan, if the file does not say (default 5).")
    var scanResolution: Double?
    @Option(
        help:
            "Intrinsics of the camera that took a raw scan, if the file does not say: \"fx=… fy=… cx=… cy=…\" in pixels."
    )
    var camera: String?
    @Option(help: "Height in cm (instead of a scan); other measurements default to typical proportions.")
    var height: Double?
    @Option(help: "Shoulder width in cm.") var shoulderWidth: Double?
    @Option(help: "Waist width in cm.") var waistWidth: Double?
    @Option(help: "Hip width in cm.") var hipWidth: Double?
    @Option(help: "Torso depth in cm (height of the back above the table, lying prone).") var torsoDepth: Double?
    @Option(help: "Neck width in cm.") var neckWidth: Double?

    /// The body from a scan or measurements; `defaultHeight` stands in when neither is given.
    func measurements(defaultHeight: Double? = nil) throws -> BodyMeasurements {
        if let scan {
            if height != nil {
                throw CommandError("give either --scan or --height (with other measurements), not both")
            }
            return try fitScan(scan).measurements
        }
        guard let height = height ?? defaultHeight else {
            throw CommandError(
                "give the body: --scan <file.pgm>, or --height <cm> (and optionally --shoulder-width ...)")
        }
        var m = BodyMeasurements(height: height)
        if let shoulderWidth { m.shoulderWidth = shoulderWidth }
        if let waistWidth { m.waistWidth = waistWidth }
        if let hipWidth { m.hipWidth = hipWidth }
        if let torsoDepth { m.torsoDepth = torsoDepth }
        if let neckWidth { m.neckWidth = neckWidth }
        let problems = m.problems()
        guard problems.isEmpty else {
            throw CommandError(
                "the body measurements cannot be used:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return m
    }

    func fitScan(_ path: String) throws -> BodyScanFit {
        let data = try InputFile.read(path, what: "the scan")
        do {
            var image = try DepthImage.readPGM(data)
            if let scanResolution { image.millimetresPerPixel = scanResolution }
            if let camera {
                guard let parsed = DepthCamera(parsing: camera) else {
                    throw CommandError(
                        "--camera '\(camera)' needs fx=, fy=, cx= and cy= in pixels, e.g. \"fx=260 fy=260 cx=119.5 cy=199.5\""
                    )
                }
                image.camera = parsed
            }
            return try BodyScanFitter().fit(image)
        } catch {
            throw CommandError("\(path): \(error)")
        }
    }
}
