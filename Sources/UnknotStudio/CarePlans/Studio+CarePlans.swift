import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Saves `json` as the caller's next care plan version, after reading it the way
    /// `CarePlan.decode` does: unknown fields refused with the nearest known name, every
    /// problem reported at once.
    ///
    /// A plan is at most ``carePlanBytes`` (lists and notes have their own limits,
    /// `CarePlan.Limits`); the newest `carePlanVersionsKept` versions are kept, and older ones
    /// only while a booking uses them (issue #17, finding 7: thirty saves of a 0.99 MB plan grew
    /// the database by 34 MiB).
    public func saveCarePlan(_ caller: Caller, json: Data) async throws(StudioError) -> CarePlanVersion {
        try caller.requireClient()
        guard json.count <= Self.carePlanBytes else {
            throw StudioError(
                .invalid,
                "the care plan is \(json.count) bytes; a care plan is at most \(Self.carePlanBytes) (64 KiB): shorten the spots' notes or list fewer spots"
            )
        }
        let plan: CarePlan
        do {
            plan = try CarePlan.decode(from: json, asOf: today)
        } catch {
            let problems = error.problems.map { StudioError.Problem(field: $0.field, message: $0.message) }
            throw StudioError(
                .invalid, field: problems.first?.field,
                "the care plan has \(problems.count) problem\(problems.count == 1 ? "" : "s"): "
                    + problems.map { "\($0.field) \($0.message)" }.joined(separator: "; "),
                problems: problems)
        }
        // The day's questions are asked before each session and kept with its booking, never here.
        let day = DayAnswers(of: plan.health)
        let dayProblems = DayAnswers.fields.filter { day[$0] == true }.map {
            StudioError.Problem(
                field: "health.\($0)",
                message:
                    "is asked on the day of each session and not kept in the care plan: answer it before the session, "
                    + "on the booking's page or with PUT /api/bookings/{id}/today")
        }
        guard dayProblems.isEmpty else {
            throw StudioError(
                .invalid, field: dayProblems.first?.field,
                dayProblems.map { "\($0.field) \($0.message)" }.joined(separator: "; "), problems: dayProblems)
        }
        let text: String
        do {
            text = String(decoding: try plan.exportJSON(), as: UTF8.self)
        } catch {
            throw StudioError(.invalid, "the care plan could not be written back as JSON: \(error)")
        }
        guard text.utf8.count <= Self.carePlanBytes else {
            throw StudioError(.invalid, "the care plan is over 64 KiB once written out; shorten the spots' notes")
        }
        let id = caller.accountID
        let now = clock.now
        let kept = max(1, settings.carePlanVersionsKept)
        let row = try await database.write(conflict: "the care plan was saved twice at once; save it again") { db in
            let last = try await CarePlanRow.query(on: db).filter(\.$accountID == id).max(\.$version) ?? 0
            let row = CarePlanRow(accountID: id, version: last + 1, plan: text, createdAt: now)
            try await row.create(on: db)
            // Versions older than the newest `kept` go, unless a booking uses one.
            if last + 1 > kept {
                let pinned = try await BookingRow.query(on: db).filter(\.$accountID == id).all(\.$carePlanVersion)
                var old = CarePlanRow.query(on: db).filter(\.$accountID == id).filter(\.$version <= last + 1 - kept)
                if !pinned.isEmpty { old = old.filter(\.$version !~ pinned) }
                try await old.delete()
            }
            return row
        }
        return CarePlanVersion(version: row.version, createdAt: row.createdAt, plan: plan, json: text)
    }

    /// Saves a care plan value as the caller's next version, checked exactly as JSON is.
    public func saveCarePlan(_ caller: Caller, plan: CarePlan) async throws(StudioError) -> CarePlanVersion {
        let json: Data
        do {
            json = try plan.exportJSON()
        } catch {
            throw StudioError(.invalid, "the care plan could not be written as JSON: \(error)")
        }
        return try await saveCarePlan(caller, json: json)
    }

    /// The caller's current care plan, or `nil` when none was saved yet.
    public func currentCarePlan(_ caller: Caller) async throws(StudioError) -> CarePlanVersion? {
        try await currentCarePlan(account: caller.accountID)
    }

    func currentCarePlan(account id: UUID) async throws(StudioError) -> CarePlanVersion? {
        let row = try await database.read { db in
            try await CarePlanRow.query(on: db).filter(\.$accountID == id).sort(\.$version, .descending).first()
        }
        return row.flatMap(Self.version)
    }

    /// The largest care plan kept, in bytes of JSON.
    public static let carePlanBytes = 64 << 10

    /// A page of the caller's care plan versions, newest first: at most `limit` older than
    /// `before` (all when `nil`), and whether older ones remain.
    public func carePlanVersions(
        _ caller: Caller, limit: Int, before: Int?
    ) async throws(StudioError) -> (versions: [CarePlanVersion], more: Bool) {
        let id = caller.accountID
        let limit = min(max(1, limit), 50)
        let page = try await database.read { db in
            var query = CarePlanRow.query(on: db).filter(\.$accountID == id)
            if let before { query = query.filter(\.$version < before) }
            return try await query.sort(\.$version, .descending).page(limit: limit)
        }
        return (page.rows.compactMap(Self.version), page.more)
    }

    /// One version of the caller's care plan.
    public func carePlanVersion(_ caller: Caller, version: Int) async throws(StudioError) -> CarePlanVersion {
        try await carePlanVersion(account: caller.accountID, version: version)
    }

    func carePlanVersion(account id: UUID, version: Int) async throws(StudioError) -> CarePlanVersion {
        let row = try await database.read { db in
            try await CarePlanRow.query(on: db).filter(\.$accountID == id).filter(\.$version == version).first()
        }
        guard let found = row.flatMap(Self.version) else {
            throw .notFound("there is no care plan version \(version); list them at /api/me/care-plan/versions")
        }
        return found
    }

    static func version(_ row: CarePlanRow) -> CarePlanVersion? {
        guard let stored = try? JSONDecoder().decode(CarePlan.self, from: Data(row.plan.utf8)) else { return nil }
        // A plan saved before the day's questions moved to the booking may still answer them: not any more.
        guard DayAnswers(of: stored.health).anyYes else {
            return CarePlanVersion(version: row.version, createdAt: row.createdAt, plan: stored, json: row.plan)
        }
        let plan = withoutDayAnswers(stored)
        let json = (try? plan.exportJSON()).map { String(decoding: $0, as: UTF8.self) } ?? row.plan
        return CarePlanVersion(version: row.version, createdAt: row.createdAt, plan: plan, json: json)
    }
}
