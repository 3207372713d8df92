import Foundation

/// Music during the session.
public enum MusicChoice: String, Codable, Sendable, CaseIterable {
    case none
    case soft
    case ownChoice = "own-choice"
}
