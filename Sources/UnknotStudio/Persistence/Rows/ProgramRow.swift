import FluentKit
import Foundation

/// How the studio offers one program of the catalog.
final class ProgramRow: Model, @unchecked Sendable {
    static let schema = "programs"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "bookable") var bookable: Bool
    @Field(key: "accepts_promo_codes") var acceptsPromoCodes: Bool
    /// Offered lengths as JSON, e.g. `[30,60]`.
    @Field(key: "lengths") var lengths: String

    init() {}

    init(id: String, bookable: Bool, acceptsPromoCodes: Bool, lengths: String) {
        self.id = id
        self.bookable = bookable
        self.acceptsPromoCodes = acceptsPromoCodes
        self.lengths = lengths
    }
}
