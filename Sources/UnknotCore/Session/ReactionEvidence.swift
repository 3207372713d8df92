import Foundation

/// One sign a reaction was read from. Typed, so that code that asks "was this guarding?" asks
/// the enum, never a string; written in records as the same plain words a person reads
/// ("sound: sobbing", "muscle guarding", "breath: 1.8× as deep"), and read back from them.
public enum ReactionEvidence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A sound heard at the table.
    case sound(SoundEvent.Kind)
    /// A digestive sound heard with other signs: noted, and never evidence of distress.
    case soundNotDistress(SoundEvent.Kind)
    /// Tissue stiffening under the contact.
    case guarding
    /// The measured force jumping under a steady command.
    case forceSpike
    /// A breath this many times as deep as the recent ones.
    case deeperBreath(ratio: Double)
    /// Rapid breath bursts at the "ha-ha" syllable rate.
    case breathBursts
    /// Catching inhalations, as in sobbing.
    case catchingInhalations
    case heartRateUp
    case heartRateUpThenFalling
    /// The heart rate this many bpm below the client's own baseline.
    case heartRateBelowBaseline(bpm: Int)
    case heartRateLow
    /// Breaths per minute.
    case breathingRate(perMinute: Int)
    case slowRegularBreathing
    /// A skin-conductance response of this size, microsiemens.
    case skinResponse(microsiemens: Double)
    /// A sign named by another source (a simulated client, an older record).
    case reported(String)

    public var description: String {
        switch self {
        case .sound(let kind): "sound: \(kind.rawValue)"
        case .soundNotDistress(let kind): "sound: \(kind.rawValue) (not distress)"
        case .guarding: "muscle guarding"
        case .forceSpike: "force spike"
        case .deeperBreath(let ratio): "breath: \(String(format: "%.1f", ratio))× as deep"
        case .breathBursts: "breath: bursts at 4-6 Hz"
        case .catchingInhalations: "breath: catching inhalations at 2-3 Hz"
        case .heartRateUp: "heart: rate up"
        case .heartRateUpThenFalling: "heart: rate up, then falling"
        case .heartRateBelowBaseline(let bpm): "heart: rate \(bpm) bpm below baseline"
        case .heartRateLow: "heart: rate low"
        case .breathingRate(let perMinute): "breath: \(perMinute)/min"
        case .slowRegularBreathing: "breath: slow and regular for 3 min"
        case .skinResponse(let rise): "skin: response \(String(format: "%.2f", rise)) µS (arousal)"
        case .reported(let text): text
        }
    }

    /// Reads the words ``description`` writes (and the words older records used).
    public init(text: String) {
        let fixed: [String: ReactionEvidence] = [
            "muscle guarding": .guarding, "guarding": .guarding, "force spike": .forceSpike,
            "breath: bursts at 4-6 Hz": .breathBursts, "breath: catching inhalations at 2-3 Hz": .catchingInhalations,
            "heart: rate up": .heartRateUp, "heart: rate up, then falling": .heartRateUpThenFalling,
            "heart: rate low": .heartRateLow, "breath: slow and regular for 3 min": .slowRegularBreathing,
        ]
        if let known = fixed[text] {
            self = known
        } else if let evidence = Self.parsed(text) {
            self = evidence
        } else {
            self = .reported(text)
        }
    }

    private static func parsed(_ text: String) -> ReactionEvidence? {
        func number(_ s: Substring) -> Double? { Double(s.trimmingCharacters(in: .whitespaces)) }
        if text.hasPrefix("sound: ") {
            var name = text.dropFirst("sound: ".count)
            let notDistress = name.hasSuffix(" (not distress)")
            if notDistress { name = name.dropLast(" (not distress)".count) }
            guard let kind = SoundEvent.Kind(rawValue: name.replacingOccurrences(of: " ", with: "-")) else {
                return nil
            }
            return notDistress ? .soundNotDistress(kind) : .sound(kind)
        }
        if text.hasPrefix("breath: "), text.hasSuffix("× as deep"),
            let ratio = number(text.dropFirst("breath: ".count).dropLast("× as deep".count))
        {
            return .deeperBreath(ratio: ratio)
        }
        if text.hasPrefix("breath: "), text.hasSuffix("/min"),
            let rate = number(text.dropFirst("breath: ".count).dropLast("/min".count))
        {
            return .breathingRate(perMinute: Int(rate))
        }
        if text.hasPrefix("heart: rate "), text.hasSuffix(" bpm below baseline"),
            let bpm = number(text.dropFirst("heart: rate ".count).dropLast(" bpm below baseline".count))
        {
            return .heartRateBelowBaseline(bpm: Int(bpm))
        }
        if text.hasPrefix("skin: response "), text.hasSuffix(" µS (arousal)"),
            let rise = number(text.dropFirst("skin: response ".count).dropLast(" µS (arousal)".count))
        {
            return .skinResponse(microsiemens: rise)
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
