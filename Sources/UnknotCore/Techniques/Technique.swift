/// A massage technique a robot end effector can perform.
///
/// Each technique has a contact width (the width of skin the end effector presses on), a range
/// of speeds over the skin, and a force profile. Techniques whose contact is narrow are *point
/// pressure* and never enter an endangerment zone.
public enum Technique: String, Codable, Sendable, CaseIterable {
    /// Effleurage: long, even strokes with a broad contact, toward the heart.
    case gliding
    /// Petrissage: slow travel while the pressure rises and falls rhythmically.
    case kneading
    /// Small circles with a narrow contact over one spot at a time.
    case circularFriction = "circular-friction"
    /// Rhythmic broad presses, lifting in between, travelling slowly.
    case compression
    /// A narrow contact sinking slowly into one spot and holding.
    case triggerPointHold = "trigger-point-hold"
    /// A broad contact resting still with even pressure: calming, and firm enough for ticklish skin.
    case broadStillPressure = "broad-still-pressure"
    /// A broad contact moving gently side to side.
    case rocking

    public var displayName: String {
        switch self {
        case .gliding: "gliding"
        case .kneading: "kneading"
        case .circularFriction: "circular friction"
        case .compression: "compression"
        case .triggerPointHold: "trigger-point hold"
        case .broadStillPressure: "broad still pressure"
        case .rocking: "rocking"
        }
    }

    /// What the technique is made of: contact, speed and force profile.
    public var spec: TechniqueSpec {
        switch self {
        case .gliding:
            TechniqueSpec(contactWidth: 9, speed: 2...5, preferredSpeed: 3, motion: .lanes, force: .steady)
        case .kneading:
            TechniqueSpec(
                contactWidth: 7, speed: 1...3, preferredSpeed: 1.5, motion: .lanes,
                force: .wave(periodSeconds: 3, depth: 0.25))
        case .circularFriction:
            TechniqueSpec(
                contactWidth: 3, speed: 1...3, preferredSpeed: 2, motion: .circles(radius: 1.5), force: .steady)
        case .compression:
            TechniqueSpec(
                contactWidth: 8, speed: 1...2, preferredSpeed: 1.5, motion: .lanes,
                force: .wave(periodSeconds: 4, depth: 0.5))
        case .triggerPointHold:
            TechniqueSpec(
                contactWidth: 2.5, speed: 0...0, preferredSpeed: 0, motion: .holds(seconds: 20), force: .steady)
        case .broadStillPressure:
            TechniqueSpec(
                contactWidth: 12, speed: 0...0, preferredSpeed: 0, motion: .holds(seconds: 12), force: .steady)
        case .rocking:
            TechniqueSpec(
                contactWidth: 10, speed: 3...8, preferredSpeed: 5, motion: .sway(amplitude: 3), force: .steady)
        }
    }
}
