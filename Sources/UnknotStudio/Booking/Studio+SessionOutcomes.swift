import FluentKit
import Foundation
import UnknotCore

/// How a started session ends when no record says so: the studio's side of reconciling with its
/// stations, so that no booking stays "in progress" with nothing running it.
extension Studio {
    /// How long past its booked end a session may still be running unseen (paused for a break, its
    /// station's link down) before its booking is called interrupted.
    public static let interruptionGraceMinutes = 30

    /// A session its station never took up (the station refused it, or its link was gone when it
    /// was sent) goes back to booked, so it can be started again. Returns whether it changed:
    /// only a booking in progress does.
    @discardableResult
    public func returnToBooked(_ caller: Caller, booking id: UUID) async throws(StudioError) -> Bool {
        try await settle(caller, booking: id, as: .booked)
    }

    /// A started session that stopped before its end without a record (its station restarted and
    /// holds nothing of it, or has been gone past the session's end). Returns whether it changed:
    /// only a booking in progress does. A record delivered later is still stored.
    @discardableResult
    public func interruptSession(_ caller: Caller, booking id: UUID) async throws(StudioError) -> Bool {
        try await settle(caller, booking: id, as: .interrupted)
    }

    /// Every booking in progress, for the studio to reconcile with what its stations run (staff).
    public func sessionsInProgress(_ caller: Caller) async throws(StudioError) -> [BookingView] {
        try caller.requireStaff()
        let rows = try await database.read { db in
            try await BookingRow.query(on: db).filter(\.$status == BookingStatus.inProgress.rawValue).all()
        }
        return try await views(rows)
    }

    private func settle(_ caller: Caller, booking id: UUID, as status: BookingStatus) async throws(StudioError) -> Bool
    {
        try caller.requireStaff()
        return try await database.write { db -> Bool in
            guard let row = try await BookingRow.find(id, on: db), row.status == BookingStatus.inProgress.rawValue
            else { return false }
            row.status = status.rawValue
            row.sequence += 1
            try await row.update(on: db)
            return true
        }
    }
}
