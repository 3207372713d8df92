/// One continuous contact: a path on the body surface with a technique, a speed and a target
/// force profile. Between strokes the end effector lifts and moves.
public struct Stroke: Codable, Sendable, Hashable {
    public var part: BodyPartID
    public var face: BodyFace
    public var phase: PhaseKind
    public var technique: Technique
    public var level: PressureLevel
    /// The force the profile aims at, newtons.
    public var targetForce: Double
    /// Speed over the skin, cm/s (0 for holds).
    public var speed: Double
    public var startMilliseconds: Int
    public var durationMilliseconds: Int
    /// The contact's centre line on the surface chart; one point for a hold.
    public var path: [SurfacePoint]
    /// Normal force over the stroke, piecewise linear, from 0 back to 0.
    public var force: [ForceKeyframe]
    /// Why this stroke differs from the region's usual work, if it does.
    public var adaptation: StrokeAdaptation?

    public init(
        part: BodyPartID, face: BodyFace, phase: PhaseKind, technique: Technique, level: PressureLevel,
        targetForce: Double, speed: Double, startMilliseconds: Int, durationMilliseconds: Int,
        path: [SurfacePoint], force: [ForceKeyframe], adaptation: StrokeAdaptation?
    ) {
        self.part = part
        self.face = face
        self.phase = phase
        self.technique = technique
        self.level = level
        self.targetForce = targetForce
        self.speed = speed
        self.startMilliseconds = startMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.path = path
        self.force = force
        self.adaptation = adaptation
    }

    public var endMilliseconds: Int { startMilliseconds + durationMilliseconds }
    public var peakForce: Double { force.map(\.newtons).max() ?? 0 }

    /// Length of the path in centimetres.
    public var pathLength: Double {
        zip(path, path.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }

    /// The point of contact `t` milliseconds into the stroke (uniform speed along the path).
    public func position(at t: Int) -> SurfacePoint {
        guard path.count > 1, durationMilliseconds > 0 else { return path[0] }
        var remaining = pathLength * Double(min(max(t, 0), durationMilliseconds)) / Double(durationMilliseconds)
        for (a, b) in zip(path, path.dropFirst()) {
            let d = a.distance(to: b)
            if remaining <= d { return d > 0 ? a.interpolated(to: b, remaining / d) : a }
            remaining -= d
        }
        return path[path.count - 1]
    }

    /// The target force `t` milliseconds into the stroke.
    public func force(at t: Int) -> Double {
        guard let first = force.first else { return 0 }
        if t <= first.milliseconds { return first.newtons }
        for (a, b) in zip(force, force.dropFirst()) where t <= b.milliseconds {
            let span = b.milliseconds - a.milliseconds
            return span == 0
                ? b.newtons : a.newtons + (b.newtons - a.newtons) * Double(t - a.milliseconds) / Double(span)
        }
        return force[force.count - 1].newtons
    }
}

/// A point of a stroke's force profile: newtons at milliseconds from the stroke's start.
public struct ForceKeyframe: Codable, Sendable, Hashable {
    public var milliseconds: Int
    public var newtons: Double

    public init(_ milliseconds: Int, _ newtons: Double) {
        self.milliseconds = milliseconds
        self.newtons = newtons
    }
}

/// Why a stroke departs from the region's usual work.
public enum StrokeAdaptation: String, Codable, Sendable {
    /// Lighter over a tender spot.
    case tenderSpot = "tender-spot"
    /// Broad, still, firm contact on a ticklish spot.
    case ticklishSpot = "ticklish-spot"
    /// Broad, flat, light contact near an endangerment zone.
    case endangermentZone = "endangerment-zone"
}
