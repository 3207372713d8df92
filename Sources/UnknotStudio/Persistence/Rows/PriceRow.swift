import FluentKit
import Foundation

/// The price of a session length, in cents.
final class PriceRow: Model, @unchecked Sendable {
    static let schema = "prices"

    @ID(custom: "minutes", generatedBy: .user) var id: Int?
    @Field(key: "cents") var cents: Int

    init() {}

    init(minutes: Int, cents: Int) {
        self.id = minutes
        self.cents = cents
    }
}
