/// A whole session planned for one client, body and program: phases, then the strokes the
/// robot performs, second by second.
///
/// Guarantees (checked by property tests over random clients, bodies and programs):
/// `durationMilliseconds` equals the booked minutes exactly; strokes are in time order, never
/// overlap and end within the session; no stroke touches an avoided or unconsented area; every
/// stroke's force stays within the client's level, the pain limit and the region's ceiling, and
/// rises no faster than ``SafetyLimits/maximumForceRise``; no point pressure touches an
/// endangerment zone and nothing touches the spine.
public struct SessionPlan: Codable, Sendable, Hashable {
    public var programID: String
    public var programName: String
    public var minutes: Int
    public var durationMilliseconds: Int
    public var date: CalendarDate
    public var body: BodyMeasurements
    public var painLimit: PressureLevel
    public var screening: ScreeningOutcome
    public var phases: [PlannedPhase]
    public var strokes: [Stroke]
    /// Areas of the program left out, each with the reason.
    public var omissions: [Omission]
    /// Adjustments made for the client, in plain words.
    public var notes: [String]

    public init(
        programID: String, programName: String, minutes: Int, durationMilliseconds: Int, date: CalendarDate,
        body: BodyMeasurements, painLimit: PressureLevel, screening: ScreeningOutcome, phases: [PlannedPhase],
        strokes: [Stroke], omissions: [Omission], notes: [String]
    ) {
        self.programID = programID
        self.programName = programName
        self.minutes = minutes
        self.durationMilliseconds = durationMilliseconds
        self.date = date
        self.body = body
        self.painLimit = painLimit
        self.screening = screening
        self.phases = phases
        self.strokes = strokes
        self.omissions = omissions
        self.notes = notes
    }

    /// Every part of the body the plan works on.
    public var plannedParts: [BodyPartID] {
        Array(Set(phases.flatMap { $0.regions.map(\.part) })).sorted()
    }
}

/// One phase of a planned session.
public struct PlannedPhase: Codable, Sendable, Hashable {
    public var kind: PhaseKind
    public var posture: Posture
    public var startMilliseconds: Int
    public var durationMilliseconds: Int
    public var regions: [PlannedRegion]

    public init(
        kind: PhaseKind, posture: Posture, startMilliseconds: Int, durationMilliseconds: Int,
        regions: [PlannedRegion]
    ) {
        self.kind = kind
        self.posture = posture
        self.startMilliseconds = startMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.regions = regions
    }

    public var endMilliseconds: Int { startMilliseconds + durationMilliseconds }
}

/// The time one side of a region gets within a phase, and at what pressure.
public struct PlannedRegion: Codable, Sendable, Hashable {
    public var part: BodyPartID
    public var startMilliseconds: Int
    public var durationMilliseconds: Int
    /// The pressure level of this phase's work on the region.
    public var level: PressureLevel
    public var techniques: [Technique]
    public var isFocus: Bool

    public init(
        part: BodyPartID, startMilliseconds: Int, durationMilliseconds: Int, level: PressureLevel,
        techniques: [Technique], isFocus: Bool
    ) {
        self.part = part
        self.startMilliseconds = startMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.level = level
        self.techniques = techniques
        self.isFocus = isFocus
    }
}

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

/// An area of the program the plan leaves out, and why.
public struct Omission: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var reason: String

    public init(area: BodyArea, reason: String) {
        self.area = area
        self.reason = reason
    }
}
