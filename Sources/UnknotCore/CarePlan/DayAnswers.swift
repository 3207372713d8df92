/// The client's answers for the day of one session (CARE.md section 5): the questions whose
/// answer changes from one day to the next — a fever, an acute infection, pain medication or
/// muscle relaxants taken — asked before each session and kept with its booking, never in the
/// care plan (a fever in November says nothing of a session in March).
///
/// Guarantees: ``applied(to:)`` replaces exactly these four answers of a ``HealthScreening``
/// and keeps every other one, so the screening, the planner and the engine read the day's
/// answers the same way they read the care plan's.
public struct DayAnswers: Codable, Sendable, Hashable {
    public var fever: Bool
    public var acuteInfection: Bool
    public var painMedication: Bool
    public var muscleRelaxants: Bool

    public init(
        fever: Bool = false, acuteInfection: Bool = false, painMedication: Bool = false, muscleRelaxants: Bool = false
    ) {
        self.fever = fever
        self.acuteInfection = acuteInfection
        self.painMedication = painMedication
        self.muscleRelaxants = muscleRelaxants
    }

    /// The questions as a client reads them, by the field of ``HealthScreening`` each answers.
    public static let questions: [(field: String, question: String)] = [
        ("fever", "Do you have a fever today?"),
        ("acuteInfection", "Do you have an infection or a flu-like illness now?"),
        ("painMedication", "Did you take pain medication today?"),
        ("muscleRelaxants", "Did you take muscle relaxants today?"),
    ]

    /// The fields of a care plan's `health` these answers stand for.
    public static let fields = questions.map(\.field)

    /// The answer to the question of `field` (one of ``fields``), `nil` for any other.
    public subscript(field: String) -> Bool? {
        get {
            switch field {
            case "fever": fever
            case "acuteInfection": acuteInfection
            case "painMedication": painMedication
            case "muscleRelaxants": muscleRelaxants
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch field {
            case "fever": fever = newValue
            case "acuteInfection": acuteInfection = newValue
            case "painMedication": painMedication = newValue
            case "muscleRelaxants": muscleRelaxants = newValue
            default: break
            }
        }
    }

    /// `health` with these answers in place of whatever it held for the day's questions.
    public func applied(to health: HealthScreening) -> HealthScreening {
        var health = health
        health.fever = fever
        health.acuteInfection = acuteInfection
        health.painMedication = painMedication
        health.muscleRelaxants = muscleRelaxants
        return health
    }

    /// What `health` says for the day's questions.
    public init(of health: HealthScreening) {
        self.init(
            fever: health.fever, acuteInfection: health.acuteInfection, painMedication: health.painMedication,
            muscleRelaxants: health.muscleRelaxants)
    }

    /// Whether any answer is yes.
    public var anyYes: Bool { fever || acuteInfection || painMedication || muscleRelaxants }
}
