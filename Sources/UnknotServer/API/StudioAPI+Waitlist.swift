import Foundation
import OpenAPIRuntime
import UnknotCore
import UnknotStudio

extension StudioAPI {
    func listMyWaitlist(_ input: Operations.ListMyWaitlist.Input) async throws -> Operations.ListMyWaitlist.Output {
        let caller = try caller()
        // Holds that ran out go to the next first, so no answer shows a hold that is over.
        await studio.expireWaitlistOffers()
        let open = try await studio.waitlist(caller).filter { $0.status == .waiting || $0.status == .offered }
        return .ok(.init(body: .json(open.map(Components.Schemas.WaitlistEntry.init))))
    }

    func joinWaitlist(_ input: Operations.JoinWaitlist.Input) async throws -> Operations.JoinWaitlist.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let entry = try await studio.joinWaitlist(
            try caller(), program: body.program, minutes: body.minutes, date: body.date, from: body.from, to: body.to)
        return .created(.init(body: .json(.init(entry))))
    }

    func leaveWaitlist(_ input: Operations.LeaveWaitlist.Input) async throws -> Operations.LeaveWaitlist.Output {
        try await studio.leaveWaitlist(try caller(), entry: try Self.entryID(input.path.entryId))
        return .noContent(.init())
    }

    func acceptWaitlistOffer(_ input: Operations.AcceptWaitlistOffer.Input) async throws
        -> Operations.AcceptWaitlistOffer.Output
    {
        let booking = try await studio.acceptOffer(try caller(), entry: try Self.entryID(input.path.entryId))
        return .created(.init(body: .json(.init(booking))))
    }

    static func entryID(_ text: String) throws(StudioError) -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw StudioError(
                .badRequest, field: "entryId",
                "'\(text)' is not a waitlist entry's id; they are listed at GET /api/me/waitlist")
        }
        return id
    }
}

extension Components.Schemas.WaitlistEntry {
    init(_ entry: UnknotStudio.WaitlistEntry) {
        self.init(
            id: entry.id.uuidString.lowercased(), program: entry.programID, minutes: entry.minutes,
            date: entry.day.description, from: StudioTime(minutes: entry.from).clockText,
            to: StudioTime(minutes: entry.to).clockText,
            status: .init(rawValue: entry.status.rawValue) ?? .waiting, joinedAt: entry.joinedAt,
            offer: entry.offer.map(Components.Schemas.Booking.init), offerExpiresAt: entry.offerExpiresAt)
    }
}
