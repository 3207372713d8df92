import UnknotCore

/// A promo code and its rules: a fixed amount or a percentage off, for sessions of a minimum
/// length, optionally only a client's first session, once per client, between two dates, up
/// to a number of uses in all. Programs that take no codes (the express) never get one.
///
/// Guarantees: ``decide(_:)`` checks every rule and names the first that fails; a discount is
/// never more than the price; codes are compared case- and space-insensitively.
public struct PromoCode: Hashable, Sendable, Codable {
    /// What the code takes off.
    public enum Discount: Hashable, Sendable, Codable {
        case amount(Money)
        case percent(Int)
    }

    /// The bounds the API's contract states (openapi.yaml): uses in all, and the amount off.
    public static let mostUses = 1_000_000
    public static let largestAmount = Money(cents: 10_000_000)

    /// The code, upper-case, without spaces.
    public private(set) var code: String
    public var discount: Discount
    public var minimumMinutes: Int
    public var firstSessionOnly: Bool
    public var oncePerClient: Bool
    public var validFrom: CalendarDate?
    public var validUntil: CalendarDate?
    /// Uses allowed in all (nil: no limit), and how many there have been.
    public var totalUses: Int?
    public var uses: Int

    /// - Throws: ``PricingError/badPromo(code:problem:)`` for an empty code, a discount of
    ///   nothing or more than everything, dates in the wrong order, or uses, an amount or a
    ///   minimum length beyond the contract's bounds.
    public init(
        code: String, discount: Discount, minimumMinutes: Int = 0, firstSessionOnly: Bool = false,
        oncePerClient: Bool = false, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil,
        totalUses: Int? = nil, uses: Int = 0
    ) throws(PricingError) {
        let normalized = Self.normalize(code)
        guard !normalized.isEmpty, normalized.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .badPromo(code: code, problem: "use letters, digits and dashes")
        }
        switch discount {
        case .amount(let money) where money <= .zero:
            throw .badPromo(code: normalized, problem: "the amount off must be more than $0.00")
        case .amount(let money) where money > Self.largestAmount:
            throw .badPromo(code: normalized, problem: "the amount off must be at most \(Self.largestAmount)")
        case .percent(let p) where !(1...100).contains(p):
            throw .badPromo(code: normalized, problem: "the percentage off must be 1 to 100")
        default: break
        }
        if let validFrom, let validUntil, validUntil < validFrom {
            throw .badPromo(code: normalized, problem: "it ends (\(validUntil)) before it starts (\(validFrom))")
        }
        if let totalUses, !(1...Self.mostUses).contains(totalUses) {
            throw .badPromo(code: normalized, problem: "allow 1 to \(Self.mostUses) uses in all, or no limit")
        }
        guard (0...240).contains(minimumMinutes) else {
            throw .badPromo(code: normalized, problem: "the minimum length is 0 to 240 minutes")
        }
        self.code = normalized
        self.discount = discount
        self.minimumMinutes = minimumMinutes
        self.firstSessionOnly = firstSessionOnly
        self.oncePerClient = oncePerClient
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.totalUses = totalUses
        self.uses = uses
    }

    /// `BLOG`: 10 dollars off a client's first session, 30 minutes and up, once per client.
    public static let blog = PromoCode(
        uncheckedCode: "BLOG", discount: .amount(.dollars(10)), minimumMinutes: 30, firstSessionOnly: true,
        oncePerClient: true)

    private init(
        uncheckedCode: String, discount: Discount, minimumMinutes: Int, firstSessionOnly: Bool, oncePerClient: Bool
    ) {
        code = uncheckedCode
        self.discount = discount
        self.minimumMinutes = minimumMinutes
        self.firstSessionOnly = firstSessionOnly
        self.oncePerClient = oncePerClient
        validFrom = nil
        validUntil = nil
        totalUses = nil
        uses = 0
    }

    /// Upper case, spaces removed.
    public static func normalize(_ code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace })
    }

    /// The discount for `request`, or the first rule it fails.
    public func decide(_ request: PromoRequest) -> Result<Money, PromoRefusal> {
        guard request.program.acceptsPromoCodes else {
            return .failure(.programExcluded(program: request.program.name))
        }
        if let validFrom, request.date < validFrom { return .failure(.notYetValid(from: validFrom.description)) }
        if let validUntil, request.date > validUntil { return .failure(.expired(until: validUntil.description)) }
        if let totalUses, uses >= totalUses { return .failure(.usedUp) }
        if request.minutes < minimumMinutes { return .failure(.tooShort(minimumMinutes: minimumMinutes)) }
        if oncePerClient, request.client.codesUsed.contains(code) { return .failure(.alreadyUsed) }
        if firstSessionOnly, request.client.sessions > 0 { return .failure(.notFirstSession) }
        let off: Money =
            switch discount {
            case .amount(let money): money
            case .percent(let p): request.price.percent(p)
            }
        return .success(min(off, request.price))
    }
}
