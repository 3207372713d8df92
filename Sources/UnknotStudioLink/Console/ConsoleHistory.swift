import Foundation

/// What a console that connects in the middle of a session is shown first — the last messages,
/// the highest pressure so far on each area, the last status — kept alike by the studio's relay
/// (for a client's browser) and by the station (for its own console at the table).
///
/// Guarantees: at most ``keptMessages`` messages, the newest; a pressure is kept only when it is
/// a new highest level for its area; the frames come oldest first, in the console's JSON.
public struct ConsoleHistory: Sendable {
    public static let keptMessages = 30

    public private(set) var messages: [ConsoleSaid] = []
    public private(set) var pressure: [String: Int] = [:]
    public var status: ConsoleStatus?

    public init() {}

    public mutating func said(_ message: ConsoleSaid) {
        messages.append(message)
        if messages.count > Self.keptMessages { messages.removeFirst(messages.count - Self.keptMessages) }
    }

    /// Keeps a new highest level; returns whether it was one.
    public mutating func pressed(_ new: ConsolePressure) -> Bool {
        guard new.level > pressure[new.part, default: 0] else { return false }
        pressure[new.part] = new.level
        return true
    }

    /// The frames a console that connects now is sent first, oldest first (the status as given,
    /// when the keeper adds to it).
    public func frames(status: ConsoleStatus?) -> [String] {
        var out = messages.map(Self.json)
        out += pressure.sorted { $0.key < $1.key }.map { Self.json(ConsolePressure(part: $0.key, level: $0.value)) }
        if let status { out.append(Self.json(status)) }
        return out
    }

    /// One frame of the console's JSON.
    public static func json(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
