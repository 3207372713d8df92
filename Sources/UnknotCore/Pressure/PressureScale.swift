/// Maps a pressure level to a force on a region, as a fraction of the region's ceiling.
///
/// Level 10 maps to half the region's ISO/TS 15066 ceiling, so even the harmful end of the
/// verbal scale stays well below pain onset for the 75th percentile; each level adds one
/// twentieth of the ceiling. Guarantees: the force is strictly increasing in the level and
/// never exceeds the region's ceiling for the technique's contact area.
public enum PressureScale {
    /// Fraction of the region ceiling per level.
    public static let fractionPerLevel = 0.05

    /// Target force in newtons for a level on a region.
    public static func force(_ level: PressureLevel, on region: BodyRegion) -> Double {
        region.forceCeiling.force * fractionPerLevel * Double(level.value)
    }

    /// Target force in newtons for a level on a region with a technique, bounded by the
    /// pressure ceiling for the technique's contact area.
    public static func force(_ level: PressureLevel, on region: BodyRegion, with technique: Technique) -> Double {
        min(force(level, on: region), ceiling(on: region, with: technique))
    }

    /// The hard ceiling in newtons for a technique on a region.
    public static func ceiling(on region: BodyRegion, with technique: Technique) -> Double {
        region.forceCeiling.force(forContactArea: technique.spec.contactArea)
    }

    /// The highest level whose force does not exceed `newtons` on the region (1 at least).
    public static func level(forForce newtons: Double, on region: BodyRegion) -> PressureLevel {
        let raw = Int((newtons / (region.forceCeiling.force * fractionPerLevel)).rounded(.down))
        return PressureLevel(clamping: raw)
    }
}
