import Foundation

/// An e-mail address with an optional display name, safe to put in a header and an SMTP command.
///
/// Guarantees: the address has one `@`, a non-empty local part and a domain, and no whitespace,
/// control character, angle bracket, quote or backslash; the name holds no control character.
/// So neither can end a header or an SMTP command early.
public struct MailAddress: Sendable, Equatable, Hashable, Codable {
    public let address: String
    public let name: String?

    public init(_ address: String, name: String? = nil) throws(MailError) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = ["<", ">", "\"", "\\", "(", ")", ",", ";", ":", "[", "]"]
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254,
            !address.contains(where: { $0.isWhitespace || forbidden.contains($0) }),
            !address.unicodeScalars.contains(where: Self.isControl)
        else { throw .invalidHeader("'\(address)' is not an e-mail address one can send to") }
        if let name, name.unicodeScalars.contains(where: Self.isControl) {
            throw .invalidHeader("the name for \(address) holds a line break or a control character")
        }
        self.address = address
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The part after the `@`.
    public var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    /// `"Name" <address>`, the name encoded when it is not plain ASCII.
    var header: String {
        guard let name else { return "<\(address)>" }
        let phrase = MailEncoding.phrase(name)
        let line = "\(phrase) <\(address)>"
        // `From: ` or `To: ` goes before it: folded before the address when the line would pass 78.
        return line.count + 6 <= 78 && !phrase.contains("\r\n") ? line : "\(phrase)\r\n <\(address)>"
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
