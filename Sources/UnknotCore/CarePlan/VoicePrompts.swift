import Foundation

/// How much the station speaks.
public enum VoicePrompts: String, Codable, Sendable, CaseIterable {
    case on
    case minimal
    case off
}
