/// Text a person types that other people will read (names, comments, notes on a spot): judged in
/// bytes, not characters, and free of characters that hide or reorder what is shown (issue #17,
/// finding 10: one letter with 250,000 combining marks was "one character"; NUL was stored and
/// read back cut short; bidi overrides can make a name read backwards).
///
/// Guarantees: ``problem(in:what:most:multiline:)`` is `nil` exactly when the text is at most
/// `most` UTF-8 bytes, holds no control character (tab and newline allowed in multi-line text),
/// no bidi override or isolate, and no more than 4 combining marks on one letter; otherwise it is
/// a sentence that starts with `what` and says what to change.
public enum PlainText {
    /// U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// What is wrong with `text`, or `nil`. `what` names the field in words ("the name").
    public static func problem(in text: String, what: String, most: Int, multiline: Bool = false) -> String? {
        guard text.utf8.count <= most else {
            return "\(what) is \(text.utf8.count) bytes long; keep it to \(most) (fewer with accents)"
        }
        var marks = 0
        for scalar in text.unicodeScalars {
            let allowedControl = multiline && (scalar == "\n" || scalar == "\t" || scalar == "\r")
            if scalar.properties.generalCategory == .control, !allowedControl {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return "\(what) holds an invisible control character (U+\(code)); type it again without it"
            }
            if isBidiControl(scalar) {
                return "\(what) holds a character that reverses the text's direction; type it again without it"
            }
            if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .enclosingMark
            {
                marks += 1
                if marks > 4 { return "\(what) stacks too many accents on one letter; write it plainly" }
            } else {
                marks = 0
            }
        }
        return nil
    }
}
