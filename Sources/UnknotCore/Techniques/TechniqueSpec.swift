/// The physical description of a technique.
public struct TechniqueSpec: Hashable, Sendable {
    /// Width of the contact on the skin, in centimetres. Passes over a region are spaced by it.
    public var contactWidth: Double
    /// Speed over the skin in cm/s; `0...0` for techniques that hold still.
    public var speed: ClosedRange<Double>
    /// The usual speed (about 3 cm/s for slow gliding, CARE.md section 4).
    public var preferredSpeed: Double
    public var motion: TechniqueMotion
    public var force: ForceModulation

    /// Contact area in square centimetres (a round contact of the contact width).
    public var contactArea: Double { Double.pi * contactWidth * contactWidth / 4 }

    /// Point pressure concentrates force on a small contact: never in an endangerment zone.
    public var isPointPressure: Bool { contactWidth < SafetyLimits.broadContactWidth / 2 }

    /// Broad, flat contact: the only kind allowed in an endangerment zone.
    public var isBroadAndFlat: Bool {
        contactWidth >= SafetyLimits.broadContactWidth && force == .steady
    }

    public var holdsStill: Bool { speed.upperBound == 0 }

    /// How far from the path's centre line the contact reaches, cm: half the contact width plus
    /// the circles' radius or the sway's amplitude.
    public var reach: Double {
        switch motion {
        case .circles(let radius): contactWidth / 2 + radius
        case .sway(let amplitude): contactWidth / 2 + amplitude
        case .lanes, .holds: contactWidth / 2
        }
    }

    /// Whether the technique sweeps a region evenly (and so can cover it in one pass).
    public var covers: Bool {
        switch motion {
        case .lanes, .sway: true
        case .circles, .holds: false
        }
    }
}

/// How the contact moves over the region.
public enum TechniqueMotion: Hashable, Sendable {
    /// Parallel passes along the body.
    case lanes
    /// Small circles (radius in cm) at points along the passes.
    case circles(radius: Double)
    /// Still holds of the given length at points along the passes.
    case holds(seconds: Double)
    /// Side-to-side sway (amplitude in cm) while travelling along the passes.
    case sway(amplitude: Double)
}

/// How the force varies around the stroke's target force.
public enum ForceModulation: Hashable, Sendable {
    /// Even force.
    case steady
    /// Rhythmic rise and fall: the force swings between `(1 - depth)` and 1 times the target.
    case wave(periodSeconds: Double, depth: Double)
}
