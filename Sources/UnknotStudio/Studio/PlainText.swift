import Foundation

/// Text a person types that other people will read (names, comments): checked in bytes, not
/// characters, and free of characters that hide or reorder what is shown (issue #17,
/// finding 10: one letter with 250,000 combining marks was "one character"; NUL was stored and
/// read back cut short; bidi overrides can make a name read backwards).
///
/// Guarantees: ``check(_:field:what:most:multiline:)`` returns the text trimmed, at most `most`
/// UTF-8 bytes, with no control character (tab and newline allowed in multi-line text), no bidi
/// override or isolate, and no more than 4 combining marks on one letter; otherwise it throws
/// naming the field and what to change.
enum PlainText {
    /// U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// - Parameter what: the field in words ("the name"), to start each message.
    static func check(_ text: String, field: String, what: String, most: Int, multiline: Bool = false)
        throws(StudioError) -> String
    {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count <= most else {
            throw StudioError(
                .invalid, field: field,
                "\(what) is \(text.utf8.count) bytes long; keep it to \(most) (fewer with accents)")
        }
        var marks = 0
        for scalar in text.unicodeScalars {
            let allowedControl = multiline && (scalar == "\n" || scalar == "\t" || scalar == "\r")
            if scalar.properties.generalCategory == .control, !allowedControl {
                throw StudioError(
                    .invalid, field: field,
                    "\(what) holds an invisible control character (U+\(String(scalar.value, radix: 16, uppercase: true))); type it again without it"
                )
            }
            if isBidiControl(scalar) {
                throw StudioError(
                    .invalid, field: field,
                    "\(what) holds a character that reverses the text's direction; type it again without it")
            }
            if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .enclosingMark
            {
                marks += 1
                if marks > 4 {
                    throw StudioError(
                        .invalid, field: field, "\(what) stacks too many accents on one letter; write it plainly")
                }
            } else {
                marks = 0
            }
        }
        return text
    }
}
