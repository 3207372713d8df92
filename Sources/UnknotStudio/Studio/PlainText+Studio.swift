import Foundation
import UnknotCore

extension PlainText {
    /// The text trimmed, when ``problem(in:what:most:multiline:)`` finds nothing wrong with it;
    /// otherwise a ``StudioError`` naming `field`.
    static func check(_ text: String, field: String, what: String, most: Int, multiline: Bool = false)
        throws(StudioError) -> String
    {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = problem(in: text, what: what, most: most, multiline: multiline) {
            throw StudioError(.invalid, field: field, problem)
        }
        return text
    }
}
