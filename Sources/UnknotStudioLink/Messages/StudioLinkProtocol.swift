import Foundation

/// The studio link: how a station and its studio talk, over one WebSocket the station opens
/// (`/api/stations/link`, its credential as `Authorization: Bearer ust_…`). Each message is one
/// JSON text frame with a `type`; see `docs/station.md` for the sequence.
///
/// Guarantees: both ends refuse what they cannot read with an error naming the field, and never
/// crash on it; a frame is at most ``maximumFrameBytes``; unknown `type`s are errors (the version
/// in the hello says what each end speaks).
public enum StudioLinkProtocol {
    /// The version this build speaks.
    public static let version = 1
    /// This build's software, as a station says it in its hello.
    public static let software = "unknot 0.2"
    /// The most bytes in one frame (a record chunk is at most ``recordChunkBytes`` before base64).
    public static let maximumFrameBytes = 256 * 1_024
    /// The most record bytes in one chunk.
    public static let recordChunkBytes = 64 * 1_024
    /// The path of the link on the studio.
    public static let path = "/api/stations/link"
    /// How often a station reports its state, ms.
    public static let reportIntervalMilliseconds = 100

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dataEncodingStrategy = .base64
        return encoder
    }()

    /// One decoder for every frame: the studio reads thousands a second, and a decoder is safe to
    /// share between threads (its options are set once, here).
    static let decoder = JSONDecoder()

    /// One message as a frame's text.
    public static func frame(_ message: some Encodable) -> String {
        (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a frame, naming what is wrong when it cannot.
    public static func read<Message: Decodable>(_ type: Message.Type, from text: String) throws(StudioLinkError)
        -> Message
    {
        guard text.utf8.count <= maximumFrameBytes else {
            throw StudioLinkError(field: "frame", "\(text.utf8.count) bytes is more than \(maximumFrameBytes)")
        }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw StudioLinkError(error)
        } catch {
            throw StudioLinkError(field: "frame", "\(error)")
        }
    }
}

/// A frame one end could not read: which field, and what was wrong with it.
public struct StudioLinkError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return path.isEmpty ? "frame" : path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            self.init(field: parent == "frame" ? key.stringValue : "\(parent).\(key.stringValue)", "is missing")
        case .typeMismatch(let type, let context):
            self.init(field: path(context), "is not a \(type)")
        case .valueNotFound(let type, let context):
            self.init(field: path(context), "is null; give a \(type)")
        case .dataCorrupted(let context):
            self.init(field: path(context), context.debugDescription)
        @unknown default:
            self.init(field: "frame", "\(error)")
        }
    }

    public var description: String { "\(field): \(reason)" }
}

/// Encodes and decodes a message enum as `{"type": name, …payload's fields}`.
enum TaggedMessage {
    enum TypeKey: String, CodingKey { case type }

    static func encode(_ name: String, _ payload: some Encodable, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(name, forKey: .type)
        try payload.encode(to: encoder)
    }

    static func type(of decoder: any Decoder) throws -> String {
        try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
    }

    static func unknown(_ name: String, expected: [String]) -> DecodingError {
        .dataCorrupted(
            .init(
                codingPath: [TypeKey.type],
                debugDescription: "'\(name)' is not a message type; expected one of \(expected.joined(separator: ", "))"
            ))
    }
}
