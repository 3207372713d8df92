import Foundation
import UnknotStudioLink

/// What the station's own console is shown when it connects: the session it runs, the last
/// messages, the pressure so far and the last status, as the studio's relay keeps them for a
/// client's browser.
struct LocalConsoleHistory: Sendable {
    static let keptMessages = 30

    var session: UUID?
    private(set) var messages: [ConsoleSaid] = []
    private(set) var pressure: [String: Int] = [:]
    var status: ConsoleStatus?

    init(session: UUID? = nil) { self.session = session }

    mutating func said(_ message: ConsoleSaid) {
        messages.append(message)
        if messages.count > Self.keptMessages { messages.removeFirst(messages.count - Self.keptMessages) }
    }

    /// Keeps a new highest level; returns whether it was one.
    mutating func pressed(_ new: ConsolePressure) -> Bool {
        guard new.level > pressure[new.part, default: 0] else { return false }
        pressure[new.part] = new.level
        return true
    }

    /// The frames a console that connects now is sent first, oldest first.
    var frames: [String] {
        var out = [Self.json(SessionAnnouncement(id: session?.uuidString.lowercased() ?? ""))]
        out += messages.map(Self.json)
        out += pressure.sorted { $0.key < $1.key }.map { Self.json(ConsolePressure(part: $0.key, level: $0.value)) }
        if let status { out.append(Self.json(status)) }
        return out
    }

    /// Tells a console which session the station runs (the page reloads for a new one).
    struct SessionAnnouncement: Encodable {
        var type = "session"
        var id: String
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
