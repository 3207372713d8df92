import Foundation
import UnknotCore

/// What a scripted client presses at the console, and when: for sessions run in lockstep on a
/// simulated arm (the physics twin, `unknot robot-sim`), where the same script gives the same
/// session, press for press. The ``StationLoop`` takes each line at its tick, exactly.
///
/// The text is one press a line, `M:SS word` (session time, then what a person types at the
/// station's terminal: `5:00 end`, `2:30 hurts 6`); blank lines and `#` comments are skipped.
/// A wrong text is refused with every wrong line named, and nothing is taken from it.
public struct ClientScript: Sendable, Hashable {
    /// One press at a moment of the session.
    public struct Press: Sendable, Hashable {
        /// Session time, milliseconds.
        public var at: Int
        public var command: StationCommand

        public init(at: Int, command: StationCommand) {
            self.at = at
            self.command = command
        }
    }

    /// The presses, in time order (two at one moment keep the order they were written in).
    public let presses: [Press]
    private var next = 0

    public init(_ presses: [Press]) {
        self.presses = presses.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    /// Reads a script's text; the error names every wrong line.
    public init(text: String) throws(ClientScriptError) {
        var presses: [Press] = []
        var wrong: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard let time = Self.milliseconds(parts[0]) else {
                wrong.append("line \(index + 1) ('\(line)'): '\(parts[0])' is not a time; write M:SS, e.g. 5:00")
                continue
            }
            guard parts.count == 2 else {
                wrong.append("line \(index + 1) ('\(line)'): nothing to press after the time; e.g. 5:00 end")
                continue
            }
            do {
                presses.append(Press(at: time, command: try StationCommand(typed: parts[1])))
            } catch {
                wrong.append("line \(index + 1): \(error)")
            }
        }
        guard wrong.isEmpty else { throw ClientScriptError(lines: wrong) }
        self.init(presses)
    }

    /// The next press due at `now` (session milliseconds), if any; each is given once.
    public mutating func due(at now: Int) -> StationCommand? {
        guard next < presses.count, presses[next].at <= now else { return nil }
        next += 1
        return presses[next - 1].command
    }

    /// "M:SS" as milliseconds (M any number of minutes, SS 00-59).
    static func milliseconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]),
            (0...100_000).contains(minutes), (0..<60).contains(seconds)
        else { return nil }
        return (minutes * 60 + seconds) * 1_000
    }
}

/// A client script with lines that are not presses; each is named with how to write it.
public struct ClientScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    public let lines: [String]

    public var description: String { lines.joined(separator: "; ") }
}
