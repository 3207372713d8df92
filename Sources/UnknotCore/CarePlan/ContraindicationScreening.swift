/// Screens a client's health answers before a session.
public enum ContraindicationScreening {
    /// Surgery or injury within this many days means the area is avoided.
    public static let recentDays = 42

    /// Screens the answers for a session of `program` on `date`.
    public static func screen(_ health: HealthScreening, program: Program?, on date: CalendarDate)
        -> ScreeningOutcome
    {
        var outcome = ScreeningOutcome()
        if health.fever {
            outcome.refusals.append(
                .init(field: "health.fever", reason: "fever: massage can make a fever worse; rebook once you are well"))
        }
        if health.acuteInfection {
            outcome.refusals.append(
                .init(field: "health.acuteInfection", reason: "acute infection: rest first; rebook once it has cleared")
            )
        }
        if health.suspectedDeepVeinThrombosis {
            outcome.refusals.append(
                .init(
                    field: "health.suspectedDeepVeinThrombosis",
                    reason:
                        "suspected deep-vein thrombosis: massage could dislodge a clot; see a doctor before any massage"
                ))
        }
        if health.severeUncontrolledHighBloodPressure {
            outcome.refusals.append(
                .init(
                    field: "health.severeUncontrolledHighBloodPressure",
                    reason: "severe uncontrolled high blood pressure: see a doctor and rebook when it is under control")
            )
        }
        if health.pregnant, let program, program.isProne {
            outcome.refusals.append(
                .init(
                    field: "health.pregnant",
                    reason:
                        "pregnancy: \(program.name) has you lying face down, which is not offered during pregnancy; "
                        + "consult a professional for a suitable massage"))
        }
        if health.bloodThinners {
            outcome.lightPressureOnly.append("blood thinners: deeper pressure can bruise, so the session stays light")
        }
        if health.recentBruising {
            outcome.lightPressureOnly.append("recent bruising: the session stays light")
        }
        for entry in health.surgeryOrInjury {
            let days = entry.date.days(until: date)
            if days >= 0 && days < recentDays {
                outcome.avoidAreas.append(
                    AreaFinding(area: entry.area, reason: "surgery or injury \(days) days ago (less than 6 weeks)"))
            }
        }
        for area in health.varicoseVeins {
            outcome.avoidAreas.append(AreaFinding(area: area, reason: "varicose veins"))
        }
        for area in health.openSkin {
            outcome.avoidAreas.append(AreaFinding(area: area, reason: "open skin"))
        }
        if health.painMedication {
            outcome.checkInMoreOften.append("pain medication can mask pain, so the station checks in more often")
        }
        if health.muscleRelaxants {
            outcome.checkInMoreOften.append("muscle relaxants can mask pain, so the station checks in more often")
        }
        return outcome
    }
}
