import Foundation

/// The encodings a message needs so that any text travels as 7-bit lines of at most 78
/// characters: RFC 2047 encoded words in headers, quoted-printable bodies, base64 attachments.
enum MailEncoding {
    /// `Name: value`, the value as encoded words (base64, UTF-8) when it is not plain printable
    /// ASCII, folded so no line passes 78 characters.
    static func header(_ name: String, _ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if plain && name.count + 2 + value.count <= 78 { return "\(name): \(value)" }
        if plain { return "\(name): " + fold(value, first: 76 - name.count) }
        return "\(name): " + encodedWords(value).joined(separator: "\r\n ")
    }

    /// A display name: quoted when plain ASCII, encoded words otherwise.
    static func phrase(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if plain && text.count <= 60 {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// `=?utf-8?B?…?=` words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 39 bytes of UTF-8 are 52 of base64: with `=?utf-8?B?` and `?=` a word is at most 64
            // characters, so even after `Subject: ` its line stays within 78.
            if chunk.count + bytes.count > 39 {
                words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }

    /// Folds plain text at spaces so each line stays within 78 characters where it can.
    static func fold(_ value: String, first: Int) -> String {
        var lines: [String] = []
        var line: String?
        var room = first
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            guard let current = line else {
                line = String(word)
                continue
            }
            if current.count + 1 + word.count > room {
                lines.append(current)
                line = String(word)
                room = 77
            } else {
                line = current + " " + word
            }
        }
        lines.append(line ?? "")
        return lines.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045): UTF-8 text with CRLF line ends, soft breaks keeping lines
    /// within 76 characters, `=` and bytes outside printable ASCII as `=XX`, a space or tab that
    /// would end a line encoded.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded = ""
            var width = 0
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 {
                    encoded += "=\r\n"
                    width = 0
                }
                encoded += piece
                width += piece.count
            }
            out.append(encoded)
        }
        return out.joined(separator: "\r\n")
    }

    /// Base64 in lines of 76 characters.
    static func base64Lines(_ data: Data) -> String {
        let text = data.base64EncodedString()
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        return lines.joined(separator: "\r\n")
    }
}
