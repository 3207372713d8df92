import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import UnknotStudio

/// Sends the studio's e-mail to an SMTP server (RFC 5321), one message per connection: `EHLO`,
/// `STARTTLS` when asked for, `AUTH PLAIN` when a user is given, `MAIL`, `RCPT`, `DATA`, `QUIT`.
///
/// Guarantees: credentials never cross an unencrypted connection except to this machine
/// (loopback); TLS certificates are verified against the system's roots or `trustRoots`; a
/// server that does not answer within `timeout` is left (a transient failure, so the outbox
/// tries again); a 4xx reply or a lost connection is ``MailError/transient(_:)`` and a 5xx reply
/// ``MailError/permanent(_:)``; the message is dot-stuffed, so no line of it can end `DATA` early.
public struct SMTPTransport: MailTransport {
    /// How the connection is protected.
    public enum Security: String, Sendable {
        /// Plain SMTP (a relay on this machine or a private network).
        case none
        /// Plain first, then `STARTTLS` before anything else is said (required, not hoped for).
        case startTLS
        /// TLS from the first byte (`smtps`, port 465).
        case tls
    }

    public let host: String
    public let port: Int
    public let security: Security
    let username: String?
    let password: String?
    /// The name given in `EHLO`.
    public var heloName = "localhost"
    /// The whole conversation's time limit.
    public var timeout: Duration = .seconds(60)
    /// A PEM file of certificates to trust instead of the system's (a private mail server).
    public var trustRoots: String?

    public var destination: String {
        let scheme = ["none": "smtp", "startTLS": "smtp+starttls", "tls": "smtps"][security.rawValue] ?? "smtp"
        return "\(scheme)://\(username.map { "\($0)@" } ?? "")\(host):\(port)"
    }

    /// Reads `smtp://[user[:password]@]host[:port]` (port 25), `smtp+starttls://…` (587) or
    /// `smtps://…` (465); user and password percent-encoded. Every problem is named.
    public init(url text: String) throws(SMTPAddressProblem) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw SMTPAddressProblem("'\(text)' is not a URL; write smtp://host:25 or smtps://user:password@host:465")
        }
        var problems: [String] = []
        let security: Security
        switch scheme {
        case "smtp": security = .none
        case "smtp+starttls": security = .startTLS
        case "smtps": security = .tls
        default:
            problems.append("the scheme \(scheme) is not smtp, smtp+starttls or smtps")
            security = .none
        }
        let host = url.host ?? ""
        if host.isEmpty { problems.append("it names no host") }
        let port = url.port ?? [.none: 25, .startTLS: 587, .tls: 465][security] ?? 25
        if !(1...65_535).contains(port) { problems.append("the port \(port) is not 1 to 65535") }
        let username = url.user?.removingPercentEncoding ?? url.user
        let password = url.password?.removingPercentEncoding ?? url.password
        if (username == nil) != (password == nil) { problems.append("give both a user and a password, or neither") }
        if username != nil, security == .none, !Self.isLoopback(host) {
            problems.append(
                "a password would cross the network unencrypted; use smtp+starttls:// or smtps:// for \(host)")
        }
        if !(url.path.isEmpty || url.path == "/") || url.query != nil {
            problems.append("it has a path or query; the URL names only the server")
        }
        guard problems.isEmpty else {
            throw SMTPAddressProblem("--smtp-url: " + problems.joined(separator: "; "))
        }
        self.init(host: host, port: port, security: security, username: username, password: password)
    }

    public init(host: String, port: Int, security: Security = .none, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
    }

    public func send(message: String, from sender: String, to recipient: String) async throws(MailError) {
        let limit = timeout
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await converse(message: message, from: sender, to: recipient) }
                group.addTask {
                    try await Task.sleep(for: limit)
                    throw MailError.transient("no answer from \(host):\(port) within \(limit)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as MailError {
            throw error
        } catch {
            throw .transient("\(host):\(port): \(error)")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    func tlsHandler() throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let trustRoots { configuration.trustRoots = .file(trustRoots) }
        return try NIOSSLClientHandler(
            context: NIOSSLContext(configuration: configuration), serverHostname: Self.isIP(host) ? nil : host)
    }

    static func isIP(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}

/// An `--smtp-url` the studio cannot use, with every reason.
public struct SMTPAddressProblem: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
