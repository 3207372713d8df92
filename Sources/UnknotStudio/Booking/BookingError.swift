/// Why a booking request cannot be served, in words a client or an admin can act on.
public enum BookingError: Error, Hashable, Sendable, CustomStringConvertible {
    case badHours(String)
    case badSearch(String)

    public var description: String {
        switch self {
        case .badHours(let problem): "opening hours: \(problem)"
        case .badSearch(let problem): "availability search: \(problem)"
        }
    }
}
