import FluentKit
import Foundation

extension Studio {
    /// Who used a promo code and on which session, the latest session first (admin).
    public func promoRedemptions(_ caller: Caller, code: String) async throws(StudioError) -> [PromoRedemption] {
        try caller.requireAdmin()
        let code = code.uppercased()
        let rows = try await database.read { db -> [(BookingRow, AccountRow?)] in
            let uses = try await PromoRedemptionRow.query(on: db).filter(\.$code == code).all()
            guard !uses.isEmpty else { return [] }
            let bookings = try await BookingRow.query(on: db).filter(\.$id ~~ uses.map(\.bookingID)).all()
            let accounts = try await AccountRow.query(on: db).filter(\.$id ~~ Set(uses.map(\.accountID))).all()
            let byID = Dictionary(accounts.compactMap { row in row.id.map { ($0, row) } }) { first, _ in first }
            return bookings.map { ($0, byID[$0.accountID]) }
        }
        return rows.compactMap { booking, account in
            guard let id = booking.id, let status = BookingStatus(rawValue: booking.status) else { return nil }
            return PromoRedemption(
                clientName: account?.name ?? "a deleted account", clientEmail: account?.email ?? "",
                bookingID: id, start: StudioTime(minutes: booking.start), status: status,
                discountCents: booking.discountCents)
        }.sorted { $0.start > $1.start }
    }
}
