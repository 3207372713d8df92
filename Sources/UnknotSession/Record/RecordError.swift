/// Why a session record could not be written or read.
public enum RecordError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case badLine(number: Int, reason: String)
    case noHeader

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open \(path) to write the session record: \(reason). Choose a writable path with --record."
        case .writeFailed(let path, let reason): "writing the session record \(path) failed: \(reason)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .badLine(let number, let reason):
            "line \(number) is not a session record entry (\(reason)); is this a file written by `unknot simulate --record`?"
        case .noHeader: "the file has no header line; a session record starts with {\"type\":\"header\",…}"
        }
    }
}
