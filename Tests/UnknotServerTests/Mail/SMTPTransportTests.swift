import Foundation
import Testing
import UnknotServer
import UnknotStudio

#if canImport(Glibc)
    import Glibc
#endif

/// The studio's SMTP client against a real SMTP server (aiosmtpd) on loopback: plain, STARTTLS
/// and implicit TLS, with and without a password; the mail server's refusals sorted into those
/// worth another try and those that are not.
@Suite(
    "Mail: the SMTP client against a real server",
    .enabled(
        if: LocalSMTPServer.python != nil || ProcessInfo.processInfo.environment["UNKNOT_REQUIRE_SMTP"] == "1",
        "UNKNOT_SMTP_PYTHON is not set (scripts/test sets it)"))
struct SMTPTransportTests {
    static func message(to address: String = "cleo@test.example") throws -> MailMessage {
        try MailMessage(
            from: MailAddress("studio@test.example", name: "Unknot studio"), to: MailAddress(address, name: "Cléo"),
            subject: "Your session on Tuesday — see you soon",
            text: "Hello Cléo,\n.a line that starts with a dot\n..and two\n.\nThe end = near.\n",
            date: Date(timeIntervalSince1970: 1_795_420_800))
    }

    /// The message as the server kept it, without the envelope line the test server adds.
    static func kept(_ file: String) -> String {
        guard let end = file.range(of: "\r\n") else { return file }
        return String(file[end.upperBound...])
    }

    @Test("A message goes over plain SMTP exactly as rendered (dots and all)")
    func plain() async throws {
        let server = try await LocalSMTPServer()
        defer { server.stop() }
        let message = try Self.message()
        let transport = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)")
        try await transport.send(message: message.rendered(), from: message.from.address, to: message.to.address)
        let taken = try await server.waitForMessages(1)
        #expect(taken.count == 1)
        #expect(taken.first.map(Self.kept) == message.rendered(), "\(taken.first ?? "nothing")")
        #expect(taken.first?.hasPrefix("X-Envelope-From: studio@test.example\r\n") == true)
    }

    @Test("A refused recipient is a permanent failure; a server that is down, a transient one")
    func refusals() async throws {
        let refusing = try await LocalSMTPServer(["--refuse", "gone@test.example"])
        defer { refusing.stop() }
        let message = try Self.message(to: "gone@test.example")
        let transport = SMTPTransport(host: "127.0.0.1", port: refusing.port)
        await #expect(throws: MailError.self) {
            try await transport.send(message: message.rendered(), from: "studio@test.example", to: "gone@test.example")
        }
        do {
            try await transport.send(message: message.rendered(), from: "studio@test.example", to: "gone@test.example")
        } catch {
            guard case .permanent(let why) = error else { throw error }
            #expect(why.contains("550") && why.contains("RCPT TO"), "\(why)")
        }
        let busy = try await LocalSMTPServer(["--busy"])
        defer { busy.stop() }
        do {
            try await SMTPTransport(host: "127.0.0.1", port: busy.port)
                .send(message: message.rendered(), from: "studio@test.example", to: "cleo@test.example")
            Issue.record("a busy server took the message")
        } catch {
            guard case .transient(let why) = error else { throw error }
            #expect(why.contains("421"), "\(why)")
        }
        #expect(busy.messages().isEmpty)
    }

    @Test("No server listening, or one that never speaks: a transient failure, within the time limit")
    func unreachable() async throws {
        let closed = SMTPTransport(host: "127.0.0.1", port: try Self.closedPort())
        do {
            try await closed.send(message: "x", from: "a@test.example", to: "b@test.example")
            Issue.record("sent to nobody")
        } catch {
            guard case .transient = error else { throw error }
        }
        let (silent, socket) = try Self.silentListener()
        defer { close(socket) }
        var mute = SMTPTransport(host: "127.0.0.1", port: silent)
        mute.timeout = .milliseconds(500)
        do {
            try await mute.send(message: "x", from: "a@test.example", to: "b@test.example")
            Issue.record("a server that never answered took the message")
        } catch {
            guard case .transient(let why) = error else { throw error }
            #expect(why.contains("no answer"), "\(why)")
        }
    }

    /// A self-signed certificate for `localhost`, in a folder removed after `body`.
    static func withCertificate(_ body: (String, String) async throws -> Void) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-tls-\(UUID())")
        defer { try? FileManager.default.removeItem(at: work) }
        let (certificate, key) = try LocalSMTPServer.certificate(in: work)
        try await body(certificate, key)
    }

    @Test("STARTTLS with a password: the certificate checked against the roots given; a wrong password refused")
    func startTLS() async throws {
        try await Self.withCertificate { certificate, key in
            let message = try Self.message()
            let server = try await LocalSMTPServer([
                "--starttls", certificate, key, "--user", "studio", "--password", "s3cret pass",
            ])
            defer { server.stop() }
            var good = try SMTPTransport(url: "smtp+starttls://studio:s3cret%20pass@localhost:\(server.port)")
            good.trustRoots = certificate
            good.timeout = .seconds(20)
            try await good.send(message: message.rendered(), from: "studio@test.example", to: "cleo@test.example")
            #expect(try await server.waitForMessages(1).count == 1)
            var wrong = try SMTPTransport(url: "smtp+starttls://studio:guess@localhost:\(server.port)")
            wrong.trustRoots = certificate
            wrong.timeout = .seconds(20)
            do {
                try await wrong.send(message: message.rendered(), from: "studio@test.example", to: "cleo@test.example")
                Issue.record("a wrong password was accepted")
            } catch {
                guard case .permanent(let why)? = error as? MailError else { throw error }
                #expect(why.contains("AUTH") && why.contains("535"), "\(why)")
            }
        }
    }

    @Test("A certificate the studio does not trust: nothing is sent, not even the password")
    func untrusted() async throws {
        try await Self.withCertificate { certificate, key in
            let server = try await LocalSMTPServer([
                "--starttls", certificate, key, "--user", "studio", "--password", "s3cret pass",
            ])
            defer { server.stop() }
            var untrusted = try SMTPTransport(url: "smtp+starttls://studio:s3cret%20pass@localhost:\(server.port)")
            untrusted.timeout = .seconds(20)
            do {
                try await untrusted.send(
                    message: try Self.message().rendered(), from: "studio@test.example", to: "cleo@test.example")
                Issue.record("sent over a connection to an untrusted certificate")
            } catch {
                guard case .transient(let why)? = error as? MailError else { throw error }
                #expect(!why.contains("no answer"), "refused at once: \(why)")
            }
            #expect(server.messages().isEmpty)
        }
    }

    @Test("Implicit TLS (smtps)")
    func implicitTLS() async throws {
        try await Self.withCertificate { certificate, key in
            let server = try await LocalSMTPServer(["--smtps", certificate, key])
            defer { server.stop() }
            var implicit = try SMTPTransport(url: "smtps://localhost:\(server.port)")
            implicit.trustRoots = certificate
            implicit.timeout = .seconds(20)
            let message = try Self.message()
            try await implicit.send(message: message.rendered(), from: "studio@test.example", to: "cleo@test.example")
            #expect(try await server.waitForMessages(1).count == 1)
        }
    }

    /// A port nothing listens on.
    static func closedPort() throws -> Int {
        let (port, socket) = try silentListener()
        close(socket)
        return port
    }

    /// A socket that listens (the kernel completes connections) but never reads or writes.
    static func silentListener() throws -> (port: Int, socket: Int32) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else { throw LocalSMTPServerError("cannot listen") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (Int(UInt16(bigEndian: address.sin_port)), fd)
    }
}

@Suite("Mail: --smtp-url")
struct SMTPAddressTests {
    @Test("Good URLs are read with their defaults; every problem of a bad one is named")
    func urls() throws {
        let plain = try SMTPTransport(url: "smtp://relay.internal")
        #expect(plain.port == 25 && plain.security == .none)
        let submission = try SMTPTransport(url: "smtp+starttls://me%40x.example:p%3Ass@mail.example")
        #expect(submission.port == 587 && submission.security == .startTLS)
        #expect(submission.destination == "smtp+starttls://me@x.example@mail.example:587", "no password shown")
        #expect(try SMTPTransport(url: "smtps://mail.example").port == 465)
        #expect(try SMTPTransport(url: "smtp://u:p@127.0.0.1:2525").port == 2525, "a password to this machine")
        for (url, says) in [
            ("http://mail.example", "scheme http"), ("smtp://", "no host"),
            ("smtp://u:p@mail.example", "unencrypted"), ("smtp://u@mail.example:587", "both a user and a password"),
            ("smtp://mail.example/inbox", "path or query"), ("not a url at all", "not a URL"),
        ] {
            #expect(throws: SMTPAddressProblem.self, "\(url)") { try SMTPTransport(url: url) }
            do { _ = try SMTPTransport(url: url) } catch {
                #expect(error.description.contains(says), "\(url): \(error)")
            }
        }
    }
}
