import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Offers the free times on `days` to the waiting clients they suit, first come first
    /// served: each gets the earliest free start in their range that they could book now, held
    /// as an `offered` booking (the ledger's constraints keep it theirs) until the hold ends, and
    /// a mail. Best effort: a failure leaves the client waiting (the next freed time tries again).
    func offerFreedTimes(days: ClosedRange<Int>) async {
        let now = clock.now
        let waiting: [WaitlistRow]
        do {
            waiting = try await database.read { db in
                try await WaitlistRow.query(on: db).filter(\.$status == WaitlistEntry.Status.waiting.rawValue)
                    .filter(\.$day >= days.lowerBound).filter(\.$day <= days.upperBound).sort(\.$position).all()
            }
        } catch {
            database.logger.warning("the waitlist could not be read: \(error)")
            return
        }
        for entry in waiting {
            let client = Caller(accountID: entry.accountID, role: .client, name: "")
            let day = CalendarDate(dayNumber: entry.day).description
            guard
                let slots = try? await availability(
                    program: entry.programID, minutes: entry.minutes, from: day, to: day, for: client),
                let slot = slots.first(where: {
                    (entry.fromMinute...entry.toMinute).contains($0.start.minuteOfDay)
                })
            else { continue }
            do throws(StudioError) {
                try await offer(slot, to: entry, now: now)
            } catch {
                // Taken meanwhile (the ledger refused the hold): the entry waits on.
                continue
            }
        }
        mailBell.ring()
    }

    /// Holds `slot` for `entry`'s client and mails them, in one transaction.
    func offer(_ slot: SlotView, to entry: WaitlistRow, now: Date) async throws(StudioError) {
        guard let program = catalog.program(id: entry.programID) else { return }
        let quote = try await quote(program: program, minutes: entry.minutes, code: nil, history: PromoHistory())
        let stations = try await allStations()
        guard let station = stations.first(where: { $0.id == slot.stationID }) else { return }
        // The hold: the studio's hold, but never past the last moment the client could book it.
        let lastMoment = slot.start.instant(in: settings.timeZone)
            .addingTimeInterval(-Double(settings.rules.minimumNotice) * 60)
        let expires = min(now.addingTimeInterval(settings.waitlistHold), lastMoment)
        guard expires > now else { return }
        let booking = BookingRow()
        booking.id = UUID()
        booking.accountID = entry.accountID
        booking.stationID = station.id
        booking.programID = program.id
        booking.start = slot.start.minutes
        booking.minutes = entry.minutes
        booking.buffer = station.cleaningBuffer
        booking.status = BookingStatus.offered.rawValue
        booking.priceCents = quote.base.cents
        booking.discountCents = 0
        booking.carePlanVersion = try await currentCarePlan(account: entry.accountID)?.version ?? 0
        booking.sequence = 0
        booking.createdAt = now
        try await database.write(conflict: "taken meanwhile") { db in
            guard let current = try await WaitlistRow.find(entry.id, on: db),
                current.status == WaitlistEntry.Status.waiting.rawValue
            else { throw StudioError(.conflict, "the waitlist place changed meanwhile") }
            try await self.requireClientFree(
                account: entry.accountID, start: booking.start, minutes: booking.minutes, on: db)
            try await self.requireFree(booking, station: station, excluding: [], on: db)
            try await booking.create(on: db)
            try await Self.holdCells(booking, on: db)
            current.status = WaitlistEntry.Status.offered.rawValue
            current.offerBookingID = booking.id
            current.offerExpiresAt = expires
            try await current.update(on: db)
            try await self.queueWaitlistOfferMail(booking, expires: expires, on: db)
        }
    }

    /// The mail that tells a waiting client a time is held for them.
    func queueWaitlistOfferMail(_ row: BookingRow, expires: Date, on db: any Database) async throws {
        guard let account = try await AccountRow.find(row.accountID, on: db) else { return }
        let recipient: MailAddress
        do { recipient = try MailAddress(account.email, name: account.name) } catch { return }
        let program = catalog.program(id: row.programID)?.name ?? row.programID
        let when = Self.mailDate(StudioTime(minutes: row.start).instant(in: settings.timeZone), in: settings.timeZone)
        let until = Self.mailDate(expires, in: settings.timeZone)
        let station = try await StationRow.find(row.stationID, on: db)?.name ?? "station \(row.stationID)"
        let text = """
            Hello \(account.name),

            A time you were waiting for is free: \(program), \(row.minutes) minutes, \(when), \(station).

            It is held for you until \(until). Book it here: \(settings.publicURL)/waitlist
            If you do not want it, do nothing: after that it goes to the next person waiting.

            \(settings.studioName)
            \(settings.address)
            """
        let message = try studioMail(to: recipient, subject: "A time is free for you: \(program) \(when)", text: text)
        try await queueMail(message, kind: .waitlistOffer, on: db)
    }
}
