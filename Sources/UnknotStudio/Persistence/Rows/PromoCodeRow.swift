import FluentKit
import Foundation

/// A stored promo code and its rules.
final class PromoCodeRow: Model, @unchecked Sendable {
    static let schema = "promo_codes"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @OptionalField(key: "amount_off") var amountOffCents: Int?
    @OptionalField(key: "percent_off") var percentOff: Int?
    @Field(key: "minimum_minutes") var minimumMinutes: Int
    @Field(key: "first_session_only") var firstSessionOnly: Bool
    @Field(key: "once_per_client") var oncePerClient: Bool
    /// Day numbers (days since 1970-01-01), inclusive.
    @OptionalField(key: "valid_from") var validFrom: Int?
    @OptionalField(key: "valid_until") var validUntil: Int?
    @OptionalField(key: "total_uses") var totalUses: Int?
    @Field(key: "uses") var uses: Int
    @Field(key: "active") var active: Bool

    init() {}
}
