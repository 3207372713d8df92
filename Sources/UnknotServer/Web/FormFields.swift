import Foundation
import Hummingbird

/// The fields of an HTML form as the browser sent them (`application/x-www-form-urlencoded`),
/// in order, repeated names kept (a group of check boxes).
struct FormFields: Sendable {
    static let limit = 64 * 1024
    private(set) var pairs: [(name: String, value: String)]

    init(_ text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Reads the request's form (at most 64 KiB).
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return FormFields(String(buffer: buffer))
    }

    static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    func has(_ name: String) -> Bool { pairs.contains { $0.name == name } }
}
