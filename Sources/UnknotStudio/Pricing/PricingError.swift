/// Why a price or a quote cannot be given, in words a client or an admin can act on.
public enum PricingError: Error, Hashable, Sendable, CustomStringConvertible {
    case badPrice(minutes: Int, price: Money)
    case noPrice(minutes: Int, lengths: [Int])
    case lengthNotOffered(program: String, minutes: Int, lengths: [Int])
    case badPromo(code: String, problem: String)

    public var description: String {
        switch self {
        case .badPrice(let minutes, let price):
            "a \(minutes)-minute session cannot cost \(price): give a positive price for a positive length"
        case .noPrice(let minutes, let lengths):
            "there is no price for \(minutes) minutes; sessions are priced for \(lengths.map(String.init).joined(separator: ", ")) minutes"
        case .lengthNotOffered(let program, let minutes, let lengths):
            "\(program) comes in \(lengths.map(String.init).joined(separator: ", ")) minutes, not \(minutes)"
        case .badPromo(let code, let problem):
            "promo code \(code): \(problem)"
        }
    }
}
