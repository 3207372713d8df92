import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// The statuses in which a booking holds its client's time.
    static let holdingClient = [
        BookingStatus.booked.rawValue, BookingStatus.inProgress.rawValue, BookingStatus.offered.rawValue,
    ]

    /// The five-minute cells of a session (its own minutes, no cleaning).
    static func clientCells(start: Int, minutes: Int) -> Range<Int> {
        let size = BookingCellRow.minutes
        return (start / size)..<((start + minutes + size - 1) / size)
    }

    /// The account's sessions still standing (booked or under way) that overlap `range`
    /// (studio-local minutes), except the booking `excluding`.
    func ownSessions(
        account: UUID, overlapping range: Range<Int>, excluding: UUID? = nil, on db: (any Database)? = nil
    ) async throws(StudioError) -> [BookingRow] {
        let rows = try await database.read { base in
            var query = BookingRow.query(on: db ?? base)
                .filter(\.$accountID == account)
                .filter(\.$status ~~ Self.holdingClient)
                .filter(\.$start < range.upperBound)
                .filter(\.$start > range.lowerBound - 24 * 60)
            if let excluding { query = query.filter(\.$id != excluding) }
            return try await query.all()
        }
        // A seat kept open for a partner holds its station, not the booker's time.
        return rows.filter { $0.start + $0.minutes > range.lowerBound && $0.coupleSeat != CoupleSeat.open.rawValue }
    }

    /// `query` without the seats kept open for a partner: a client's own list shows their own
    /// sessions, each for two with its partner's seat inside it.
    static func ownRows(_ query: QueryBuilder<BookingRow>) -> QueryBuilder<BookingRow> {
        query.group(.or) { $0.filter(\.$coupleSeat == nil).filter(\.$coupleSeat != CoupleSeat.open.rawValue) }
    }

    /// Refuses a session for `account` at `start` that would overlap another of theirs (one
    /// client, one table at a time), naming the one in the way.
    func requireClientFree(
        account: UUID, start: Int, minutes: Int, excluding: UUID? = nil, on db: (any Database)? = nil
    ) async throws(StudioError) {
        let clash = try await ownSessions(
            account: account, overlapping: start..<(start + minutes), excluding: excluding, on: db)
        guard let first = clash.min(by: { $0.start < $1.start }) else { return }
        throw StudioError(.refused, field: "start", Self.ownClashMessage(first, catalog: catalog))
    }

    static func ownClashMessage(_ row: BookingRow, catalog: ProgramCatalog) -> String {
        let program = catalog.program(id: row.programID)?.name ?? row.programID
        let start = StudioTime(minutes: row.start)
        return
            "you already have a session then (\(program), \(start.spoken) to \((start + row.minutes).clockText) "
            + "at station \(row.stationID)); choose another time, or move that session first"
    }

    /// Holds the client's minutes for `booking` (its transaction's unique constraint settles a race).
    static func holdClientCells(_ booking: BookingRow, on db: any Database) async throws {
        // A seat kept open for a partner holds no one's time until they take it.
        guard let id = booking.id, booking.coupleSeat != CoupleSeat.open.rawValue else { return }
        let cells = clientCells(start: booking.start, minutes: booking.minutes).map {
            ClientCellRow(bookingID: id, accountID: booking.accountID, cell: $0)
        }
        try await cells.create(on: db)
    }
}
