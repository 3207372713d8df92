import Foundation
import Metrics
import OpenAPIRuntime
import UnknotStudio

extension StudioAPI {
    func searchAvailability(_ input: Operations.SearchAvailability.Input) async throws
        -> Operations.SearchAvailability.Output
    {
        let q = input.query
        let slots = try await studio.availability(
            program: q.program, minutes: q.minutes, from: q.from, to: q.to, station: q.stationId,
            for: RequestCaller.current, people: q.people ?? 1)
        return .ok(
            .init(
                body: .json(
                    .init(
                        program: q.program, minutes: q.minutes,
                        slots: slots.map {
                            .init(
                                stationId: $0.stationID, stationName: $0.stationName, start: $0.start.text,
                                end: $0.end.text, partnerStationId: $0.partnerStationID)
                        }))))
    }

    func listBookings(_ input: Operations.ListBookings.Input) async throws -> Operations.ListBookings.Output {
        let q = input.query
        let bookings = try await studio.bookings(try caller(), from: q.from, to: q.to, station: q.stationId)
        return .ok(.init(body: .json(bookings.map(Components.Schemas.Booking.init))))
    }

    func createBooking(_ input: Operations.CreateBooking.Input) async throws -> Operations.CreateBooking.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        do throws(StudioError) {
            let booking = try await studio.book(
                caller, program: body.program, minutes: body.minutes, start: body.start,
                station: body.stationId, code: body.code, partnerEmail: body.partnerEmail)
            Counter(label: "unknot_bookings_total", dimensions: [("outcome", "booked")]).increment()
            return .created(.init(body: .json(.init(booking))))
        } catch {
            Counter(label: "unknot_bookings_total", dimensions: [("outcome", error.kind.rawValue)]).increment()
            throw error
        }
    }

    func invitePartner(_ input: Operations.InvitePartner.Input) async throws -> Operations.InvitePartner.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let booking = try await studio.invitePartner(
            try caller(), booking: try Self.bookingID(input.path.bookingId), email: body.partnerEmail)
        return .ok(.init(body: .json(.init(booking))))
    }

    func takePartnerSeat(_ input: Operations.TakePartnerSeat.Input) async throws -> Operations.TakePartnerSeat.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let booking = try await studio.takeSeat(try caller(), token: body.token)
        return .ok(.init(body: .json(.init(booking))))
    }

    func getBooking(_ input: Operations.GetBooking.Input) async throws -> Operations.GetBooking.Output {
        let booking = try await studio.booking(try caller(), id: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .json(.init(booking))))
    }

    func cancelBooking(_ input: Operations.CancelBooking.Input) async throws -> Operations.CancelBooking.Output {
        let booking = try await studio.cancel(try caller(), id: try Self.bookingID(input.path.bookingId))
        Counter(label: "unknot_cancellations_total").increment()
        return .ok(.init(body: .json(.init(booking))))
    }

    func rescheduleBooking(_ input: Operations.RescheduleBooking.Input) async throws
        -> Operations.RescheduleBooking.Output
    {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let booking = try await studio.reschedule(
            caller, id: try Self.bookingID(input.path.bookingId), start: body.start, station: body.stationId)
        return .ok(.init(body: .json(.init(booking))))
    }

    func getBookingCalendar(_ input: Operations.GetBookingCalendar.Input) async throws
        -> Operations.GetBookingCalendar.Output
    {
        let text = try await studio.calendar(try caller(), booking: try Self.bookingID(input.path.bookingId))
        return .ok(.init(body: .textCalendar(HTTPBody(text))))
    }

    func listMyBookings(_ input: Operations.ListMyBookings.Input) async throws -> Operations.ListMyBookings.Output {
        let limit = input.query.limit ?? 100
        let offset = input.query.offset ?? 0
        guard (1...200).contains(limit) else {
            throw StudioError(.badRequest, field: "limit", "\(limit) bookings a page cannot be; ask for 1 to 200")
        }
        guard offset >= 0 else { throw StudioError(.badRequest, field: "offset", "give an offset of 0 or more") }
        let page = try await studio.myBookings(try caller(), limit: limit, offset: offset)
        if page.more { RequestCaller.headers?.setNextPage("/api/me/bookings?limit=\(limit)&offset=\(offset + limit)") }
        return .ok(.init(body: .json(page.bookings.map(Components.Schemas.Booking.init))))
    }

    func getNextVisit(_ input: Operations.GetNextVisit.Input) async throws -> Operations.GetNextVisit.Output {
        let next = try await studio.nextVisit(try caller())
        return .ok(
            .init(body: .json(.init(date: next.date?.description, sessions: next.sessions, reason: next.reason))))
    }

    func getCalendarFeedLink(_ input: Operations.GetCalendarFeedLink.Input) async throws
        -> Operations.GetCalendarFeedLink.Output
    {
        .ok(.init(body: .json(.init(path: try await studio.calendarFeedPath(try caller())))))
    }

    func renewCalendarFeedLink(_ input: Operations.RenewCalendarFeedLink.Input) async throws
        -> Operations.RenewCalendarFeedLink.Output
    {
        .ok(.init(body: .json(.init(path: try await studio.renewCalendarFeed(try caller())))))
    }

    func getCalendarFeed(_ input: Operations.GetCalendarFeed.Input) async throws -> Operations.GetCalendarFeed.Output {
        let text = try await studio.calendarFeed(token: input.path.feedToken)
        return .ok(.init(body: .textCalendar(HTTPBody(text))))
    }
}
