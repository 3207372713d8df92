/// A one-tap answer to a check-in question.
public enum CheckInAnswer: String, Codable, Sendable, CaseIterable {
    case lighter
    case justRight = "just-right"
    case firmer
    case better
    case lighterStill = "lighter-still"
    case skipThisArea = "skip-this-area"
    case itsFine = "its-fine"
    case keepGoing = "keep-going"
    case tissue
    case takeBreak = "break"

    /// The words on the button.
    public var label: String {
        switch self {
        case .lighter: "Lighter"
        case .justRight: "Just right"
        case .firmer: "Firmer"
        case .better: "That's better"
        case .lighterStill: "Lighter still"
        case .skipThisArea: "Skip this area"
        case .itsFine: "It's fine, carry on"
        case .keepGoing: "Keep going"
        case .tissue: "A tissue, please"
        case .takeBreak: "A break"
        }
    }
}
