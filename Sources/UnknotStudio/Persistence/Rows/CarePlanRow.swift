import FluentKit
import Foundation

/// One version of a client's care plan; versions are never changed, only added.
final class CarePlanRow: Model, @unchecked Sendable {
    static let schema = "care_plan_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "version") var version: Int
    /// The plan's JSON, as `CarePlan.exportJSON()` writes it.
    @Field(key: "plan") var plan: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(accountID: UUID, version: Int, plan: String, createdAt: Date) {
        self.id = UUID()
        self.accountID = accountID
        self.version = version
        self.plan = plan
        self.createdAt = createdAt
    }
}
