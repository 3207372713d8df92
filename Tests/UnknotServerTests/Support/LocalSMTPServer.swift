import Foundation

/// A real SMTP server on loopback for a test: `tools/mail/smtp_server.py` (aiosmtpd) in the
/// Python that `UNKNOT_SMTP_PYTHON` names (scripts/test makes it; `UNKNOT_REQUIRE_SMTP=1` makes
/// its absence a failure rather than a skip). Each message it takes is a file in `folder`.
final class LocalSMTPServer: Sendable {
    static var python: String? {
        let python = ProcessInfo.processInfo.environment["UNKNOT_SMTP_PYTHON"]
        return python?.isEmpty == false ? python : nil
    }

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tools/mail/smtp_server.py").path
    }

    let folder: URL
    let port: Int
    private let process: Process

    /// Starts the server with `options` (`--busy`, `--refuse ADDRESS`, `--user U --password P`,
    /// `--starttls CERT KEY`, `--smtps CERT KEY`) and waits until it listens.
    init(_ options: [String] = [], port: Int? = nil) async throws {
        guard let python = Self.python else {
            throw LocalSMTPServerError("UNKNOT_SMTP_PYTHON is not set; run scripts/test")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-smtp-\(UUID())")
        folder = work.appendingPathComponent("mail")
        let ready = work.appendingPathComponent("port")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            [Self.script, folder.path, "--ready-file", ready.path] + (port.map { ["--port", "\($0)"] } ?? []) + options
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        self.process = process
        // Listening within 120 s (a bound for a loaded machine whose test threads may wait their
        // turn for long, not a timing check); the file is looked at once more after the bound.
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            if let text = try? String(contentsOf: ready, encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            guard ContinuousClock.now < deadline, process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        if let text = try? String(contentsOf: ready, encoding: .utf8), let port = Int(text) {
            self.port = port
            return
        }
        process.terminate()
        throw LocalSMTPServerError("the SMTP server did not start (see its output above)")
    }

    /// Stops the server and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            // Ten seconds to stop on its own, then it is killed: a test never hangs on it.
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// The messages taken so far, oldest first.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Waits (up to `limit`) until at least `count` messages were taken; returns them.
    func waitForMessages(_ count: Int, within limit: Duration = .seconds(30)) async throws -> [String] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let taken = messages()
            if taken.count >= count { return taken }
            try await Task.sleep(for: .milliseconds(20))
        }
        return messages()
    }

    /// A self-signed certificate for `localhost` and 127.0.0.1, and its key (PEM files).
    static func certificate(in folder: URL) throws -> (certificate: String, key: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw LocalSMTPServerError("openssl could not make a certificate") }
        return (certificate, key)
    }
}

struct LocalSMTPServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
