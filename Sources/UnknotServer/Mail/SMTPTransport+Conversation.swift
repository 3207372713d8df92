import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import UnknotStudio

extension SMTPTransport {
    /// One connection, one message (RFC 5321 §3): the replies are read in order, each checked
    /// before the next command goes.
    func converse(message: String, from sender: String, to recipient: String) async throws {
        let implicitTLS = security == .tls
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS { try channel.pipeline.syncOperations.addHandler(tlsHandler()) }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let raw = channel.channel
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            func next(_ step: String) async throws -> SMTPReply {
                guard let reply = try await replies.next() else {
                    throw MailError.transient("\(host):\(port) closed the connection before answering \(step)")
                }
                return reply
            }
            func say(_ line: String, _ step: String, expect codes: Set<Int>) async throws -> SMTPReply {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try Self.check(await next(step), step, codes)
            }
            _ = try Self.check(await next("the greeting"), "the greeting", [220])
            var hello = try await say("EHLO \(heloName)", "EHLO", expect: [250])
            if security == .startTLS {
                guard Self.extensions(hello).contains("STARTTLS") else {
                    throw MailError.permanent("\(host) does not offer STARTTLS, which --smtp-url asks for")
                }
                _ = try await say("STARTTLS", "STARTTLS", expect: [220])
                try await raw.eventLoop.submit {
                    try raw.pipeline.syncOperations.addHandler(try tlsHandler(), position: .first)
                }.get()
                hello = try await say("EHLO \(heloName)", "EHLO after STARTTLS", expect: [250])
            }
            let offered = Self.extensions(hello)
            if let username, let password {
                let plain = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
                _ = try await say("AUTH PLAIN \(plain)", "AUTH", expect: [235])
            }
            let needsUTF8 = !(sender + recipient).allSatisfy(\.isASCII)
            if needsUTF8 && !offered.contains("SMTPUTF8") {
                throw MailError.permanent("\(recipient) is not ASCII and \(host) does not take SMTPUTF8")
            }
            _ = try await say("MAIL FROM:<\(sender)>\(needsUTF8 ? " SMTPUTF8" : "")", "MAIL FROM", expect: [250])
            _ = try await say("RCPT TO:<\(recipient)>", "RCPT TO", expect: [250, 251])
            _ = try await say("DATA", "DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: Self.dotStuffed(message)))
            _ = try Self.check(await next("the message"), "the message", [250])
            // The message is the server's now: a QUIT that goes unanswered changes nothing.
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
            _ = try? await replies.next()
        }
    }

    /// The reply when its code is one of `codes`; otherwise the failure it means.
    static func check(_ reply: SMTPReply, _ step: String, _ codes: Set<Int>) throws -> SMTPReply {
        if codes.contains(reply.code) { return reply }
        let what = "\(step) answered \(reply.text.prefix(300))"
        throw reply.isTransient || reply.isPositive ? MailError.transient(what) : MailError.permanent(what)
    }

    /// The extension keywords an `EHLO` reply lists (upper case).
    static func extensions(_ hello: SMTPReply) -> Set<String> {
        Set(hello.lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
    }

    /// The message as `DATA` carries it: CRLF line ends, a leading `.` doubled, ended by `.`.
    static func dotStuffed(_ message: String) -> String {
        let lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        var body = lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        if body.last == "" { body.removeLast() }
        return body.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
