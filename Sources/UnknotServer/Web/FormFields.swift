import Foundation
import Hummingbird
import UnknotStudio

/// The fields of an HTML form as the browser sent them (`application/x-www-form-urlencoded`),
/// read by Hummingbird's `URLEncodedFormDecoder`: a name once, or a group of check boxes named
/// `name[]` as a list.
///
/// Guarantees: at most ``limit`` bytes are read; a form the decoder cannot read (a name twice
/// without `[]`, a broken percent escape) is refused as a bad request naming why, never guessed at.
struct FormFields: Decodable, Sendable {
    static let limit = 64 * 1024
    private var values: [String: String] = [:]
    private var lists: [String: [String]] = [:]

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        for key in container.allKeys {
            if let list = try? container.decode([String].self, forKey: key) {
                lists[key.stringValue] = list
            } else {
                values[key.stringValue] = try container.decode(String.self, forKey: key)
            }
        }
    }

    /// Reads the request's form (at most 64 KiB).
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return try decode(String(buffer: buffer))
    }

    /// Reads a form's text.
    static func decode(_ text: String) throws(StudioError) -> FormFields {
        guard !text.isEmpty else { return FormFields() }
        do {
            return try URLEncodedFormDecoder().decode(FormFields.self, from: text)
        } catch {
            throw StudioError(.badRequest, "the form could not be read (\(error)); reload the page and send it again")
        }
    }

    private init() {}

    /// The value of `name`, trimmed; `nil` when the form has none.
    subscript(_ name: String) -> String? {
        values[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The values of a group of check boxes named `name[]` (none ticked: empty).
    func all(_ name: String) -> [String] { lists[name] ?? values[name].map { [$0] } ?? [] }

    /// Whether the form has `name` at all (a ticked check box).
    func has(_ name: String) -> Bool { values[name] != nil || lists[name] != nil }

    /// The fields whose names start with `prefix`, by name.
    func fields(withPrefix prefix: String) -> [(name: String, value: String)] {
        values.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
