import FluentKit
import Foundation
import UnknotCore

/// A client as staff find them: who they are, how to reach them, their sessions; and their care
/// plan (without its health answers) only when they let staff be told.
public struct ClientCard: Sendable {
    public var id: UUID
    public var name: String
    public var email: String
    public var bookings: [BookingView]
    /// `nil` unless the client's care plan lets staff see it (`staffMayBeAlerted`).
    public var carePlan: CarePlanVersion?
}

extension Studio {
    /// Clients whose name or e-mail contains `text` (at least 2 characters, any case), at most 25,
    /// by name (staff).
    public func findClients(_ caller: Caller, matching text: String) async throws(StudioError) -> [AccountView] {
        try caller.requireStaff()
        let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard needle.count >= 2 else {
            throw .invalid("q", "type at least 2 letters of the client's name or e-mail")
        }
        guard needle.count <= 200 else { throw .invalid("q", "type at most 200 characters") }
        // Names are few enough per studio to match here in any case and any script (a database's
        // own case folding differs between SQLite and PostgreSQL).
        let rows = try await database.read { db in
            try await AccountRow.query(on: db).filter(\.$role == Role.client.rawValue).sort(\.$name).all()
        }
        return rows.filter { $0.name.lowercased().contains(needle) || $0.email.contains(needle) }.prefix(25)
            .map { AccountView($0) }
    }

    /// One client's card (staff): their sessions, most recent first, and their care plan only as
    /// far as they allowed.
    public func clientCard(_ caller: Caller, id: UUID) async throws(StudioError) -> ClientCard {
        try caller.requireStaff()
        let row = try await accountRow(id)
        guard row.role == Role.client.rawValue else { throw .notFound("there is no client \(id)") }
        let bookings = try await views(
            try await database.read { db in
                try await Self.ownRows(BookingRow.query(on: db).filter(\.$accountID == id)).sort(\.$start, .descending)
                    .all()
            })
        let plan = try await currentCarePlan(account: id)?.seen(by: caller)
        return ClientCard(id: id, name: row.name, email: row.email, bookings: bookings, carePlan: plan)
    }

    /// The client `id` as a caller, for staff acting on their behalf (a booking): refused unless
    /// `staff` is staff and `id` a client.
    public func clientCaller(_ staff: Caller, id: UUID) async throws(StudioError) -> Caller {
        try staff.requireStaff()
        let row = try await accountRow(id)
        guard row.role == Role.client.rawValue else { throw .notFound("there is no client \(id)") }
        return Caller(accountID: id, role: .client, name: row.name)
    }
}
