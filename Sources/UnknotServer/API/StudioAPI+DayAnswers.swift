import Foundation
import OpenAPIRuntime
import UnknotCore
import UnknotStudio

extension StudioAPI {
    func getDayAnswers(_ input: Operations.GetDayAnswers.Input) async throws -> Operations.GetDayAnswers.Output {
        let id = try Self.bookingID(input.path.bookingId)
        guard let view = try await studio.dayAnswers(try caller(), booking: id) else {
            throw StudioError(
                .notFound, field: "today",
                "the day's questions are not answered for this session yet; answer them with PUT /api/bookings/\(id.uuidString.lowercased())/today"
            )
        }
        return .ok(.init(body: .json(.init(view))))
    }

    func putDayAnswers(_ input: Operations.PutDayAnswers.Input) async throws -> Operations.PutDayAnswers.Output {
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let view = try await studio.answerForToday(
            try caller(), booking: try Self.bookingID(input.path.bookingId), DayAnswers(body))
        return .ok(.init(body: .json(.init(view))))
    }
}

extension DayAnswers {
    init(_ body: Components.Schemas.DayAnswers) {
        self.init(
            fever: body.fever, acuteInfection: body.acuteInfection, painMedication: body.painMedication,
            muscleRelaxants: body.muscleRelaxants)
    }
}

extension Components.Schemas.DayAnswersKept {
    init(_ kept: (booking: UUID, answers: DayAnswers, answeredAt: Date, byStaff: Bool)) {
        self.init(
            bookingId: kept.booking.uuidString.lowercased(),
            answers: .init(
                fever: kept.answers.fever, acuteInfection: kept.answers.acuteInfection,
                painMedication: kept.answers.painMedication, muscleRelaxants: kept.answers.muscleRelaxants),
            answeredAt: kept.answeredAt, byStaff: kept.byStaff)
    }
}

extension Components.Schemas.DayAnswersResult {
    init(_ view: DayAnswersView) {
        let answers = view.answers
        self.init(
            answers: .init(
                fever: answers.fever, acuteInfection: answers.acuteInfection, painMedication: answers.painMedication,
                muscleRelaxants: answers.muscleRelaxants),
            answeredAt: view.answeredAt, byStaff: view.byStaff,
            refusals: view.screening.refusals.map { .init(field: $0.field, reason: $0.reason) },
            checkInMoreOften: view.screening.checkInMoreOften)
    }
}
