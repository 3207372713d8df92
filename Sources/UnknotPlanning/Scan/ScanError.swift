import Foundation

/// Why a scan cannot be read or fitted, and what to do about it.
public enum ScanError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notPGM(String)
    case badHeader(String)
    case truncated(expectedBytes: Int, actualBytes: Int)
    case tooSmall(width: Int, height: Int, millimetresPerPixel: Double)
    case badResolution(Double)
    case noReadings
    case noBody(String)
    case notABody(String)

    public var description: String {
        switch self {
        case .empty:
            return "the scan file is empty; export the depth frame again"
        case .notPGM(let magic):
            return "the scan is not a PGM depth image (it starts with '\(magic)'); export a 16-bit PGM (P5)"
        case .badHeader(let reason):
            return "the PGM header is not valid: \(reason)"
        case .truncated(let expected, let actual):
            return "the scan is truncated: the header promises \(expected) bytes of pixels but the file has \(actual); "
                + "copy the file again"
        case .tooSmall(let w, let h, let mm):
            return String(
                format: "the scan is %d × %d pixels; at %.1f mm per pixel that covers %.0f × %.0f cm, "
                    + "too small for a body lying on the table (check the resolution)",
                w, h, mm, Double(w) * mm / 10, Double(h) * mm / 10)
        case .badResolution(let mm):
            return "a resolution of \(mm) mm per pixel is not usable; give one between 1 and 20"
        case .noReadings:
            return "the scan has no depth readings (every pixel is 0); check the camera"
        case .noBody(let reason):
            return "no body found in the scan: \(reason)"
        case .notABody(let reason):
            return "the shape in the scan is not a body lying prone: \(reason)"
        }
    }
}
