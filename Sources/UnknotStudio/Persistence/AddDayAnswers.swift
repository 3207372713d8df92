import FluentKit

/// Adds the day's health answers kept with each booking (issue #18).
struct AddDayAnswers: AsyncMigration {
    var name: String { "AddDayAnswers-11" }

    func prepare(on db: any Database) async throws {
        try await db.schema(DayAnswersRow.schema)
            .id()
            .field("booking_id", .uuid, .required)
            .field("start", .int, .required)
            .field("fever", .bool, .required)
            .field("acute_infection", .bool, .required)
            .field("pain_medication", .bool, .required)
            .field("muscle_relaxants", .bool, .required)
            .field("answered_at", .datetime, .required)
            .field("answered_by", .uuid, .required)
            .unique(on: "booking_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DayAnswersRow.schema).delete()
    }
}
