import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// The seats a cancellation of `row` ends, read in `db`: a session for one alone; for two,
    /// both seats still booked when its booker or staff cancel, the one seat when its partner
    /// leaves (or the booker gives up the seat kept open).
    static func cancelledWith(_ row: BookingRow, staff: Bool, on db: any Database) async throws -> [BookingRow] {
        guard let couple = row.coupleID, staff || row.coupleSeat == CoupleSeat.booker.rawValue else { return [row] }
        let seats = try await seats(of: couple, on: db).filter { $0.status == BookingStatus.booked.rawValue }
        return seats.isEmpty ? [row] : seats
    }

    /// Cancels one seat in `db`: its minutes free, its code's use given back, its client told (an
    /// open seat's invitation simply stops working).
    func cancelSeat(_ row: BookingRow, on db: any Database) async throws {
        row.status = BookingStatus.cancelled.rawValue
        row.sequence += 1
        try await row.update(on: db)
        try await Self.releaseCells(row, on: db)
        if let code = row.promoCode {
            try await Self.releaseUse(of: code, on: db)
            if let id = row.id {
                try await PromoRedemptionRow.query(on: db).filter(\.$bookingID == id).delete()
            }
        }
        if row.coupleSeat == CoupleSeat.open.rawValue, let id = row.id {
            try await PartnerInviteRow.query(on: db).filter(\.$bookingID == id).delete()
        } else {
            try await queueBookingMail(.bookingCancelled, row, on: db)
        }
    }

    /// The seats a move of `row` takes along, booker's first: both seats of a session for two
    /// still booked, else `row` alone. A partner cannot move the booker's session.
    func movingTogether(_ row: BookingRow, by caller: Caller) async throws(StudioError) -> [BookingRow] {
        guard let couple = row.coupleID else { return [row] }
        let seats = try await database.read { db in
            try await Self.seats(of: couple, on: db).filter { $0.status == BookingStatus.booked.rawValue }
        }
        guard seats.count == 2 else { return [row] }
        guard caller.role.isStaff || row.coupleSeat == CoupleSeat.booker.rawValue else {
            throw StudioError(
                .refused, field: "start",
                "this session for two was booked by the person beside you; ask them to move it, or cancel your place")
        }
        return seats
    }

    /// Moves both seats of a session for two to `start` on a pair of stations side by side (its
    /// own pair first, or `station` and the next), in one transaction: both or neither. Each
    /// person's time is checked; the people in both seats are told.
    func moveForTwo(_ seats: [BookingRow], to start: StudioTime, station: Int?) async throws(StudioError)
        -> [BookingRow]
    {
        var pairs = try await stationPairs(station)
        if station == nil, let own = pairs.firstIndex(where: { $0.0.id == seats[0].stationID }) {
            pairs.insert(pairs.remove(at: own), at: 0)
        }
        let ids = seats.compactMap(\.id)
        var lastError = StudioError(
            .conflict, field: "start", "no two stations side by side are free at \(start.spoken); search again")
        for (first, second) in pairs {
            do throws(StudioError) {
                let moved = try await database.write(conflict: Self.takenMessage(start, station: station)) { db in
                    let rows = Self.bookerFirst(
                        try await BookingRow.query(on: db).filter(\.$id ~~ ids).all()
                            .filter { $0.status == BookingStatus.booked.rawValue })
                    guard rows.count == 2 else {
                        throw StudioError(.conflict, "the booking changed meanwhile; look at it again")
                    }
                    for (row, station) in zip(rows, [first, second]) {
                        try await Self.releaseCells(row, on: db)
                        if row.coupleSeat != CoupleSeat.open.rawValue {
                            try await self.requireClientFree(
                                account: row.accountID, start: start.minutes, minutes: row.minutes,
                                excluding: row.id, on: db)
                        }
                        row.start = start.minutes
                        row.stationID = station.id
                        row.buffer = station.cleaningBuffer
                        try await self.requireFree(row, station: station, excluding: ids, on: db)
                    }
                    for row in rows {
                        row.sequence += 1
                        try await row.update(on: db)
                        try await Self.holdCells(row, on: db)
                        if row.coupleSeat != CoupleSeat.open.rawValue {
                            try await self.queueBookingMail(.bookingMoved, row, on: db)
                        }
                    }
                    return rows
                }
                mailBell.ring()
                return moved
            } catch {
                guard error.kind == .conflict, station == nil else { throw error }
                lastError = error
            }
        }
        throw lastError
    }
}
