import FluentKit
import Foundation
import UnknotCore

/// A booking's answers for the day of its session (``DayAnswers``), for the start it was
/// answered for: a booking moved since is asked again.
final class DayAnswersRow: Model, @unchecked Sendable {
    static let schema = "day_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "booking_id") var bookingID: UUID
    /// The start (studio minutes) the answers were given for.
    @Field(key: "start") var start: Int
    @Field(key: "fever") var fever: Bool
    @Field(key: "acute_infection") var acuteInfection: Bool
    @Field(key: "pain_medication") var painMedication: Bool
    @Field(key: "muscle_relaxants") var muscleRelaxants: Bool
    @Field(key: "answered_at") var answeredAt: Date
    /// Who answered: the client, or staff asking the client at the station.
    @Field(key: "answered_by") var answeredBy: UUID

    init() {}

    var answers: DayAnswers {
        get {
            DayAnswers(
                fever: fever, acuteInfection: acuteInfection, painMedication: painMedication,
                muscleRelaxants: muscleRelaxants)
        }
        set {
            fever = newValue.fever
            acuteInfection = newValue.acuteInfection
            painMedication = newValue.painMedication
            muscleRelaxants = newValue.muscleRelaxants
        }
    }
}
