import Foundation
import OpenAPIRuntime
import UnknotStudio

/// Studio values as the API's generated types.
extension Components.Schemas.Account {
    init(_ view: AccountView) {
        self.init(
            id: view.id.uuidString.lowercased(), email: view.email, name: view.name,
            role: Components.Schemas.Role(rawValue: view.role.rawValue) ?? .client, createdAt: view.createdAt)
    }
}

extension Components.Schemas.SignedIn {
    init(_ signedIn: UnknotStudio.SignedIn) {
        self.init(token: signedIn.token, expiresAt: signedIn.expiresAt, account: .init(signedIn.account))
    }
}

extension Components.Schemas.CarePlanVersion {
    init(_ version: UnknotStudio.CarePlanVersion) throws {
        let plan = try JSONDecoder().decode(Components.Schemas.CarePlan.self, from: Data(version.json.utf8))
        self.init(version: version.version, createdAt: version.createdAt, plan: plan)
    }
}

extension Components.Schemas.Booking {
    init(_ view: BookingView) {
        self.init(
            id: view.id.uuidString.lowercased(), clientId: view.clientID.uuidString.lowercased(),
            clientName: view.clientName, stationId: view.stationID, program: view.programID, minutes: view.minutes,
            start: view.start.text, end: view.end.text,
            status: Components.Schemas.BookingStatus(rawValue: view.status.rawValue) ?? .booked,
            priceCents: view.priceCents, discountCents: view.discountCents, totalCents: view.totalCents,
            code: view.promoCode, carePlanVersion: view.carePlanVersion, hasRecord: view.hasRecord,
            couple: view.couple.map(Components.Schemas.Couple.init))
    }
}

extension Components.Schemas.Couple {
    init(_ view: CoupleView) {
        self.init(
            seat: Components.Schemas.CoupleSeat(rawValue: view.seat.rawValue) ?? .booker,
            otherBookingId: view.otherBookingID.uuidString.lowercased(), otherStationId: view.otherStationID,
            otherStatus: Components.Schemas.BookingStatus(rawValue: view.otherStatus.rawValue) ?? .booked,
            otherSeat: Components.Schemas.CoupleSeat(rawValue: view.otherSeat.rawValue) ?? .partner,
            otherName: view.otherName, invitedEmail: view.invitedEmail)
    }
}

extension Components.Schemas.Station {
    init(_ view: StationView) {
        self.init(
            id: view.id, name: view.name,
            status: Components.Schemas.StationStatus(rawValue: view.status.rawValue) ?? .outOfService,
            cleaningBufferMinutes: view.cleaningBuffer, hours: view.hours.text)
    }
}

extension Components.Schemas.ProgramOffer {
    init(_ offer: ProgramOffer) {
        self.init(
            id: offer.id, name: offer.name, summary: offer.summary, lengths: offer.lengths,
            prices: offer.prices.sorted { $0.key < $1.key }.compactMap { minutes, cents in
                Components.Schemas.Price.MinutesPayload(rawValue: minutes).map { .init(minutes: $0, cents: cents) }
            },
            acceptsPromoCodes: offer.acceptsPromoCodes, bookable: offer.bookable)
    }
}

extension Components.Schemas.PromoCode {
    init(_ view: PromoCodeView) {
        let code = view.code
        var amount: Int?
        var percent: Int?
        switch code.discount {
        case .amount(let money): amount = money.cents
        case .percent(let p): percent = p
        }
        self.init(
            code: code.code, amountOffCents: amount, percentOff: percent, minimumMinutes: code.minimumMinutes,
            firstSessionOnly: code.firstSessionOnly, oncePerClient: code.oncePerClient,
            validFrom: code.validFrom?.description, validUntil: code.validUntil?.description, totalUses: code.totalUses,
            uses: code.uses, active: view.active)
    }
}

extension Components.Schemas.Quote {
    init(_ quote: Quote) {
        var code: String?
        var applied: Bool?
        var because: String?
        switch quote.promo {
        case .applied(let c, _):
            code = c
            applied = true
        case .refused(let c, let reason):
            code = c
            applied = false
            because = reason.description
        case nil: break
        }
        self.init(
            baseCents: quote.base.cents, discountCents: quote.discount.cents, totalCents: quote.total.cents, code: code,
            codeApplied: applied, codeRefusedBecause: because, summary: quote.summary)
    }
}

extension Components.Schemas.SessionRecordInfo {
    init(_ view: SessionRecordView) throws {
        let summary = try JSONDecoder().decode(SummaryPayload.self, from: Data(view.summaryJSON.utf8))
        self.init(
            bookingId: view.bookingID.uuidString.lowercased(), receivedAt: view.receivedAt, events: view.events,
            complete: view.complete, simulated: view.simulated, ranOn: view.ranOn.isEmpty ? nil : view.ranOn,
            summary: summary, report: view.report)
    }
}

extension Components.Schemas.Alert {
    init(_ view: AlertView) {
        self.init(
            bookingId: view.bookingID.uuidString.lowercased(), stationId: view.stationID, clientName: view.clientName,
            at: view.at.text, reaction: view.reaction, confidence: view.confidence)
    }
}
