extension BodyRegion {
    /// The resting stiffness of the region's soft tissue under a massage pad, N/cm: how much
    /// force one more centimetre of indentation takes (soft over the abdomen, firm over the feet
    /// and hands). What both simulations of a body use — the station's simulated tissue and the
    /// physics twin's — so the engine meets the same tissue in either; guarding stiffens it and
    /// relaxation softens it from here.
    public var restingTissueStiffness: Double {
        switch self {
        case .neck, .neckFront, .jaw: 5
        case .shoulders, .upperBack: 9
        case .midBack, .lowerBack: 8
        case .glutes, .hips: 6
        case .hamstrings, .innerThigh: 7
        case .calves: 8
        case .feet, .hands: 11
        case .upperArms, .forearms: 7
        case .abdomen: 3
        case .chest: 6
        }
    }
}
