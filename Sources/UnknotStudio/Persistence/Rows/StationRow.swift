import FluentKit
import Foundation

/// A stored station (a robot table).
final class StationRow: Model, @unchecked Sendable {
    static let schema = "stations"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "status") var status: String
    @Field(key: "cleaning_buffer") var cleaningBuffer: Int
    /// `OpeningHours` as JSON.
    @Field(key: "hours") var hours: String

    init() {}

    init(id: Int, name: String, status: StationStatus, cleaningBuffer: Int, hours: String) {
        self.id = id
        self.name = name
        self.status = status.rawValue
        self.cleaningBuffer = cleaningBuffer
        self.hours = hours
    }
}
