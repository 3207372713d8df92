import Foundation
import UnknotCore

/// One saved version of a client's care plan.
public struct CarePlanVersion: Sendable, Hashable {
    public var version: Int
    public var createdAt: Date
    public var plan: CarePlan
    /// The plan as stored (JSON).
    public var json: String
}
