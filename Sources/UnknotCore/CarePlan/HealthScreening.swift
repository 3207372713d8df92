/// The client's answers to the contraindication questions (CARE.md section 5).
public struct HealthScreening: Codable, Sendable, Hashable {
    public var fever: Bool
    public var acuteInfection: Bool
    public var suspectedDeepVeinThrombosis: Bool
    public var severeUncontrolledHighBloodPressure: Bool
    public var bloodThinners: Bool
    public var recentBruising: Bool
    /// Surgery or injury, with the area and the day it happened.
    public var surgeryOrInjury: [DatedArea]
    public var varicoseVeins: [BodyArea]
    public var openSkin: [BodyArea]
    public var painMedication: Bool
    public var muscleRelaxants: Bool
    public var pregnant: Bool

    public init(
        fever: Bool = false, acuteInfection: Bool = false, suspectedDeepVeinThrombosis: Bool = false,
        severeUncontrolledHighBloodPressure: Bool = false, bloodThinners: Bool = false, recentBruising: Bool = false,
        surgeryOrInjury: [DatedArea] = [], varicoseVeins: [BodyArea] = [], openSkin: [BodyArea] = [],
        painMedication: Bool = false, muscleRelaxants: Bool = false, pregnant: Bool = false
    ) {
        self.fever = fever
        self.acuteInfection = acuteInfection
        self.suspectedDeepVeinThrombosis = suspectedDeepVeinThrombosis
        self.severeUncontrolledHighBloodPressure = severeUncontrolledHighBloodPressure
        self.bloodThinners = bloodThinners
        self.recentBruising = recentBruising
        self.surgeryOrInjury = surgeryOrInjury
        self.varicoseVeins = varicoseVeins
        self.openSkin = openSkin
        self.painMedication = painMedication
        self.muscleRelaxants = muscleRelaxants
        self.pregnant = pregnant
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fever, acuteInfection, suspectedDeepVeinThrombosis, severeUncontrolledHighBloodPressure
        case bloodThinners, recentBruising, surgeryOrInjury, varicoseVeins, openSkin
        case painMedication, muscleRelaxants, pregnant
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func flag(_ key: CodingKeys) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: key) ?? false }
        fever = try flag(.fever)
        acuteInfection = try flag(.acuteInfection)
        suspectedDeepVeinThrombosis = try flag(.suspectedDeepVeinThrombosis)
        severeUncontrolledHighBloodPressure = try flag(.severeUncontrolledHighBloodPressure)
        bloodThinners = try flag(.bloodThinners)
        recentBruising = try flag(.recentBruising)
        surgeryOrInjury = try c.decodeIfPresent([DatedArea].self, forKey: .surgeryOrInjury) ?? []
        varicoseVeins = try c.decodeIfPresent([BodyArea].self, forKey: .varicoseVeins) ?? []
        openSkin = try c.decodeIfPresent([BodyArea].self, forKey: .openSkin) ?? []
        painMedication = try flag(.painMedication)
        muscleRelaxants = try flag(.muscleRelaxants)
        pregnant = try flag(.pregnant)
    }
}

/// An area with the day something happened to it.
public struct DatedArea: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var date: CalendarDate

    public init(_ area: BodyArea, on date: CalendarDate) {
        self.area = area
        self.date = date
    }
}
