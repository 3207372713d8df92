import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The day's health questions before a session (`DayAnswers`): the client answers them from
    /// 24 hours before, or staff ask the client at the station; a start without them comes here
    /// first and goes on to the session once they are saved.
    func addDayAnswersRoutes(to groups: PageGroups) {
        groups.signedIn.get("/bookings/:id/today") { request, context in
            try await todayPage(request, id: try Self.uuid(context))
        }
        groups.signedIn.post("/bookings/:id/today") { request, context in
            let caller = try signedIn(request)
            let id = try Self.uuid(context)
            let form = try await FormFields.read(request)
            var answers = DayAnswers()
            var missing: [String] = []
            for (field, _) in DayAnswers.questions {
                switch form[field] {
                case "yes": answers[field] = true
                case "no": answers[field] = false
                default: missing.append(field)
                }
            }
            guard missing.isEmpty else {
                return try await todayPage(
                    request, id: id, typed: form, missing: missing, status: .unprocessableContent)
            }
            let view = try await studio.answerForToday(caller, booking: id, answers)
            if !view.screening.refusals.isEmpty {
                return try await todayPage(request, id: id, typed: form, outcome: view)
            }
            if form["then"] == "start" {
                let info = try await floor.start(booking: id, by: caller)
                return Self.redirect(caller.role.isStaff ? "/staff" : "/console/\(info.id.uuidString.lowercased())")
            }
            return Self.redirect(caller.role.isStaff ? "/staff" : "/bookings/\(id.uuidString.lowercased())?answered=1")
        }
    }

    func todayPage(
        _ request: Request, id: UUID, typed: FormFields? = nil, missing: [String] = [],
        outcome: DayAnswersView? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try signedIn(request)
        let booking = try await studio.booking(caller, id: id)
        let isClient = booking.clientID == caller.accountID
        // Staff learn whether the client answered, never what.
        let given = isClient ? try await studio.dayAnswers(caller, booking: id) : nil
        let answered = isClient ? given != nil : try await studio.dayQuestionsAnswered(caller, booking: id)
        let known = outcome ?? given
        let questions: [[String: Any]] = DayAnswers.questions.map { question in
            let answer = typed?[question.field] ?? known.map { $0.answers[question.field] == true ? "yes" : "no" }
            return [
                "field": question.field, "question": question.question, "yes": answer == "yes", "no": answer == "no",
                "invalid": missing.contains(question.field),
            ]
        }
        let refusals = (known?.screening.refusals ?? []).map { Self.sentence($0.reason) + "." }
        var values = bookingContext(booking)
        values["isClient"] = isClient
        values["client"] = booking.clientName ?? "the client"
        values["questions"] = questions
        values["startAfter"] = typed?["then"] == "start" || request.uri.queryParameters["then"] == "start"
        values["ruledOut"] = !refusals.isEmpty
        values["refusals"] = refusals
        values["hasProblems"] = !missing.isEmpty
        values["problems"] = missing.compactMap { field in
            DayAnswers.questions.first { $0.field == field }.map {
                ["field": field, "text": "\($0.question) Answer yes or no."]
            }
        }
        if !isClient && answered {
            values["answeredByOther"] = "The client has answered already; asking again replaces their answers."
        }
        return render(
            "today", title: isClient ? "How are you today?" : "Ask before the session", values, status: status)
    }

    /// What a booking's page says of the day's questions: whether to ask them (from 24 hours
    /// before until the end), whether they are in, and whether they rule the session out (a
    /// fever: then it may be cancelled whatever the cut-off).
    func dayContext(_ caller: Caller, _ booking: BookingView) async throws -> [String: Any] {
        let now = studio.now
        let open =
            booking.status == .booked && now.minutes >= booking.start.minutes - Studio.dayQuestionsOpen
            && now < booking.end
        guard open, booking.clientID == caller.accountID else { return ["askToday": false] }
        let given = try await studio.dayAnswers(caller, booking: booking.id)
        let ruledOut = !(given?.screening.refusals.isEmpty ?? true)
        var values: [String: Any] = [
            "askToday": true, "todayAnswered": given != nil, "ruledOut": ruledOut,
            "checkIns": (given?.screening.checkInMoreOften ?? []).map { Self.sentence($0) + "." },
        ]
        if ruledOut {
            values["canCancel"] = true
            values["tooLate"] = false
            values["canStart"] = false
            values["canMove"] = false
        }
        return values
    }
}
