import Foundation

/// An e-mail the studio sends: a plain-text body and any attachments (a booking's `.ics`).
///
/// Guarantees: ``rendered()`` is an RFC 5322 message with MIME parts, CRLF line ends and no
/// line over 78 characters; a header never carries a line break or a control character (an
/// address or subject that holds one is refused when the message is made, so no header can be
/// injected); text that is not ASCII is encoded (RFC 2047 in headers, quoted-printable in the
/// body, base64 in attachments).
public struct MailMessage: Sendable, Equatable, Codable {
    /// A file sent with the message.
    public struct Attachment: Sendable, Equatable, Codable {
        public var filename: String
        /// E.g. `text/calendar; method=PUBLISH`.
        public var contentType: String
        public var data: Data

        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public let from: MailAddress
    public let to: MailAddress
    public let subject: String
    public let text: String
    public let attachments: [Attachment]
    public let date: Date
    /// Unique per message, e.g. `<UUID@studio.example>`.
    public let messageID: String

    /// Makes a message; throws ``MailError/invalidHeader(_:)`` when the subject holds a line
    /// break or a control character.
    public init(
        from: MailAddress, to: MailAddress, subject: String, text: String, attachments: [Attachment] = [],
        date: Date, messageID: String? = nil
    ) throws(MailError) {
        guard !subject.unicodeScalars.contains(where: MailAddress.isControl) else {
            throw .invalidHeader("the subject holds a line break or a control character")
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.attachments = attachments
        self.date = date
        self.messageID = messageID ?? "<\(UUID().uuidString.lowercased())@\(from.domain)>"
    }

    /// The message as it goes over SMTP or into an `.eml` file (CRLF line ends).
    public func rendered() -> String {
        var lines = [
            "Date: \(Self.dateHeader(date))",
            "From: \(from.header)",
            "To: \(to.header)",
            "Message-ID: \(messageID)",
            MailEncoding.header("Subject", subject),
            "MIME-Version: 1.0",
        ]
        let textPart = [
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            MailEncoding.quotedPrintable(text),
        ]
        if attachments.isEmpty {
            lines += textPart
        } else {
            let boundary = "=_unknot_" + String(messageID.filter { $0.isLetter || $0.isNumber }.prefix(32))
            lines += ["Content-Type: multipart/mixed;", " boundary=\"\(boundary)\"", "", "--\(boundary)"]
            lines += textPart
            for attachment in attachments {
                let name = attachment.filename.filter { $0.isASCII && !$0.isNewline && $0 != "\"" && $0 != "\\" }
                lines += [
                    "--\(boundary)",
                    "Content-Type: \(attachment.contentType); name=\"\(name)\"",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=\"\(name)\"",
                    "",
                    MailEncoding.base64Lines(attachment.data),
                ]
            }
            lines.append("--\(boundary)--")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5322 date, always in UTC: `Fri, 04 Dec 2026 11:20:00 +0000`.
    static func dateHeader(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// Why a message could not be made or sent.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An address, name or subject that cannot go in a header.
    case invalidHeader(String)
    /// The mail server said no for now (4xx) or could not be reached: try again later.
    case transient(String)
    /// The mail server refused the message for good (5xx): trying again will not help.
    case permanent(String)

    public var description: String {
        switch self {
        case .invalidHeader(let what): "cannot write this e-mail: \(what)"
        case .transient(let what): "the mail server did not take the message for now: \(what)"
        case .permanent(let what): "the mail server refused the message: \(what)"
        }
    }
}
