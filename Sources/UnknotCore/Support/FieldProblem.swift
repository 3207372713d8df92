import Foundation

/// One thing wrong with a document a person wrote (a care plan, a scenario): the field, what is
/// wrong, and how to fix it.
public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
    /// A JSON-style path to the field, e.g. `pressure.byArea[1].level`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// The same problem inside a larger document, at `prefix` (e.g. `client.carePlan`).
    public func inside(_ prefix: String) -> FieldProblem {
        FieldProblem(field: field.hasPrefix("(") ? prefix : prefix + "." + field, message: message)
    }

    /// A problem for each key of `object` not among `known`, with the nearest known name when
    /// one is close, or the list of known fields.
    static func unknownKeys(in object: [String: JSONValue], known: [String], path: String, what: String)
        -> [FieldProblem]
    {
        object.keys.sorted().filter { !known.contains($0) }.map { key in
            let plain = key.lowercased().replacingOccurrences(of: "_", with: "")
            let close =
                known.first { $0.lowercased() == plain }
                ?? known.first { plain.count >= 4 && $0.lowercased().hasPrefix(plain) }
            let hint = close.map { "; did you mean '\($0)'?" } ?? "; known fields are \(known.joined(separator: ", "))"
            let article = what.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            return FieldProblem(field: path + key, message: "is not \(article) \(what) field\(hint)")
        }
    }
}
