/// Why a promo code does not apply, said so the client knows what would make it apply.
public enum PromoRefusal: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    case unknown
    case programExcluded(program: String)
    case tooShort(minimumMinutes: Int)
    case notFirstSession
    case alreadyUsed
    case notYetValid(from: String)
    case expired(until: String)
    case usedUp

    public var description: String {
        switch self {
        case .unknown: "there is no such code; check the spelling"
        case .programExcluded(let program): "codes do not apply to \(program)"
        case .tooShort(let minimum): "this code is for sessions of \(minimum) minutes and up"
        case .notFirstSession: "this code is for a client's first session only"
        case .alreadyUsed: "this code can be used once per client, and you have used it"
        case .notYetValid(let from): "this code is valid from \(from)"
        case .expired(let until): "this code expired after \(until)"
        case .usedUp: "this code has been used as many times as it allows"
        }
    }
}
