import Foundation
import Testing

@testable import UnknotStudio

/// The studio's e-mails as RFC 5322 text: nothing a client typed can add a header, and any text
/// travels as short 7-bit lines.
@Suite("Mail: messages")
struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_795_420_800)

    @Test("A line break or control character in an address, name or subject is refused")
    func noHeaderInjection() throws {
        #expect(throws: MailError.self) { try MailAddress("eve@example.org\r\nBcc: all@example.org") }
        #expect(throws: MailError.self) { try MailAddress("eve@example.org", name: "Eve\nBcc: x@example.org") }
        #expect(throws: MailError.self) { try MailAddress("<eve>@example.org") }
        #expect(throws: MailError.self) { try MailAddress("no-at-sign") }
        let from = try MailAddress("studio@example.org")
        #expect(throws: MailError.self) {
            try MailMessage(from: from, to: from, subject: "Hi\r\nBcc: x@example.org", text: "", date: Self.date)
        }
    }

    @Test("Every line is CRLF-ended, 7-bit and at most 78 characters; the text and subject come back whole")
    func encoded() throws {
        let long = String(repeating: "Zoë ", count: 40) + "end"
        let message = try MailMessage(
            from: MailAddress("studio@example.org", name: "Unknot \"studio\""),
            to: MailAddress("zoe@example.org", name: "Zoë"),
            subject: "Votre séance de mardi — à bientôt " + long, text: "Bonjour Zoë,\n" + long + " \nx=y\n",
            attachments: [
                .init(filename: "booking.ics", contentType: "text/calendar; method=PUBLISH", data: Data(long.utf8))
            ],
            date: Self.date)
        let rendered = message.rendered()
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
            #expect(line.utf8.allSatisfy { $0 < 128 }, "\(line)")
        }
        #expect(rendered.contains("Date: Mon, 23 Nov 2026 08:00:00 +0000"))
        #expect(rendered.contains("From: \"Unknot \\\"studio\\\"\" <studio@example.org>"))
        #expect(rendered.contains("Content-Disposition: attachment; filename=\"booking.ics\""))
        // The subject's encoded words decode to the subject.
        let subjectLines = rendered.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        let words = subjectLines.joined().replacingOccurrences(of: "Subject: ", with: "").split(separator: " ")
        let decoded = words.compactMap { word -> String? in
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?=") else { return nil }
            return Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).flatMap {
                String(data: $0, encoding: .utf8)
            }
        }.joined()
        #expect(decoded == message.subject)
        // The body's quoted-printable decodes to the text, a trailing space kept.
        let body = rendered.components(separatedBy: "Content-Transfer-Encoding: quoted-printable\r\n\r\n")[1]
            .components(separatedBy: "\r\n--")[0]
        #expect(Self.decodeQuotedPrintable(body) == "Bonjour Zoë,\r\n" + long + " \r\nx=y\r\n")
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
                let byte = UInt8(String(decoding: joined[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
