import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Saves `json` as the caller's next care plan version, after reading it the way
    /// `CarePlan.decode` does: unknown fields refused with the nearest known name, every
    /// problem reported at once.
    public func saveCarePlan(_ caller: Caller, json: Data) async throws(StudioError) -> CarePlanVersion {
        try caller.requireClient()
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
        let text: String
        do {
            text = String(decoding: try plan.exportJSON(), as: UTF8.self)
        } catch {
            throw StudioError(.invalid, "the care plan could not be written back as JSON: \(error)")
        }
        let id = caller.accountID
        let now = clock.now
        let row = try await database.write(conflict: "the care plan was saved twice at once; save it again") { db in
            let last = try await CarePlanRow.query(on: db).filter(\.$accountID == id).max(\.$version) ?? 0
            let row = CarePlanRow(accountID: id, version: last + 1, plan: text, createdAt: now)
            try await row.create(on: db)
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

    /// Every version of the caller's care plan, newest first.
    public func carePlanVersions(_ caller: Caller) async throws(StudioError) -> [CarePlanVersion] {
        let id = caller.accountID
        let rows = try await database.read { db in
            try await CarePlanRow.query(on: db).filter(\.$accountID == id).sort(\.$version, .descending).all()
        }
        return rows.compactMap(Self.version)
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
        guard let plan = try? JSONDecoder().decode(CarePlan.self, from: Data(row.plan.utf8)) else { return nil }
        return CarePlanVersion(version: row.version, createdAt: row.createdAt, plan: plan, json: row.plan)
    }
}
