import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `unknot serve` stopped with SIGTERM while strangers hold requests open (issue #17, finding 9:
/// it waited forever on a client that had sent 1 of 100 body bytes): the studio drains, cuts
/// what is still unanswered, and exits, leaving no temporary folder behind.
@Suite struct StudioShutdownTests {
    @Test("SIGTERM with 20 stalled requests open: the studio exits within seconds, its inbox folder gone")
    func sigtermWithStalledClients() async throws {
        let folder = try StudioProcess.temporaryFolder("unknot-shutdown")
        defer { try? FileManager.default.removeItem(at: folder) }
        let studio = try StudioProcess(
            port: 20_000 + Int.random(in: 0..<20_000), database: folder.appendingPathComponent("studio.sqlite").path,
            extra: ["--no-demo-stations"])
        defer { studio.stop() }
        #expect(try await studio.waitUntilHealthy())
        let pid = studio.process.processIdentifier
        let inbox = try FileManager.default.contentsOfDirectory(
            atPath: FileManager.default.temporaryDirectory.path
        ).filter { $0.hasPrefix("unknot-record-inbox-\(pid)-") }
        #expect(inbox.count == 1, "the studio's inbox folder: \(inbox)")
        var stalled: [Int32] = []
        defer { stalled.forEach { close($0) } }
        for _ in 0..<20 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(studio.port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            #expect(connected == 0)
            let request = Array(
                "POST /api/quotes HTTP/1.1\r\nHost: studio\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                    .utf8)
            _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            stalled.append(socket)
        }
        try await Task.sleep(for: .milliseconds(300))
        let asked = ContinuousClock.now
        kill(pid, SIGTERM)
        var exited = false
        while !exited, ContinuousClock.now - asked < .seconds(30) {
            exited = !studio.process.isRunning
            try await Task.sleep(for: .milliseconds(50))
        }
        let took = ContinuousClock.now - asked
        #expect(exited, "still running 30 s after SIGTERM")
        #expect(took < .seconds(10), "exited \(took) after SIGTERM")
        print("the studio exited \(took) after SIGTERM with 20 stalled requests open")
        for name in inbox {
            #expect(
                !FileManager.default.fileExists(
                    atPath: FileManager.default.temporaryDirectory.appendingPathComponent(name).path))
        }
    }
}
