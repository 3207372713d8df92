import Foundation
import Testing
import UnknotServer

#if canImport(Glibc)
    import Glibc
#endif

/// Issue #17, finding 9, on a live server over loopback with raw sockets: a stalled or trickling
/// request is cut off with 408, a request the HTTP parser refuses gets 400 at once, a chunked body
/// over the limit gets 413, and neither a slow steady upload nor a WebSocket is cut. The limits are
/// shortened (2 s plus a second per 500 bytes) so the checks take seconds; the studio's are 20 s.
@Suite("Slow and odd clients")
struct SlowClientTests {
    /// Short enough for checks of seconds, long enough that a studio slowed by the parallel test
    /// run still answers a whole request within them.
    static let limits = ConnectionLimits(
        allowance: .seconds(2), idle: .seconds(60), whenDraining: .milliseconds(500), every: .milliseconds(100))

    /// A TCP connection to the studio that sends bytes when told and reads what comes back.
    final class RawClient: @unchecked Sendable {
        let socket: Int32

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(socket) }

        func send(_ text: String) { send(Array(text.utf8)) }

        func send(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Sends `bytes` on a thread of its own (a blocking send on the test's task could wait on a
        /// studio it starves), then `repeated` `times` unless the studio stops reading; returns
        /// how many of the repeats went.
        @discardableResult
        func sendOnThread(_ bytes: [UInt8], then repeated: [UInt8] = [], times: Int = 0) async -> Int {
            await withCheckedContinuation { done in
                Thread {
                    self.send(bytes)
                    var sent = 0
                    for _ in 0..<times {
                        let went = repeated.withUnsafeBytes {
                            Glibc.send(self.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                        }
                        if went < repeated.count { break }
                        sent += 1
                    }
                    done.resume(returning: sent)
                }.start()
            }
        }

        /// The answer's first bytes (its status line and headers), read on a thread of its own.
        func readHead() async -> String {
            await withCheckedContinuation { done in
                Thread {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    let count = buffer.withUnsafeMutableBytes { recv(self.socket, $0.baseAddress, $0.count, 0) }
                    done.resume(returning: count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : "")
                }.start()
            }
        }

        /// Everything until the studio closes the connection (or 15 s pass), and how long it took;
        /// read on a thread of its own (a blocking read on the test's task would starve the studio
        /// in the same process).
        func readToClose() async -> (text: String, after: Duration) {
            await withCheckedContinuation { done in
                Thread { done.resume(returning: self.blockingReadToClose()) }.start()
            }
        }

        private func blockingReadToClose() -> (text: String, after: Duration) {
            let start = ContinuousClock.now
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            return (String(decoding: received, as: UTF8.self), ContinuousClock.now - start)
        }
    }

    @Test("a request that stalls (1 of 100 body bytes) or trickles its headers is cut off with 408")
    func stalledAndTrickling() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false, connections: Self.limits) { _, client in
            let port = try #require(client.port)
            let stalled = try RawClient(port: port)
            stalled.send(
                "POST /api/quotes HTTP/1.1\r\nHost: studio\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            let cut = await stalled.readToClose()
            #expect(cut.text.hasPrefix("HTTP/1.1 408"), "\(cut.text)")
            #expect(cut.after < .seconds(10), "cut after \(cut.after)")

            // Headers a byte at a time, a byte every 100 ms: never a whole request.
            let trickle = try RawClient(port: port)
            let started = ContinuousClock.now
            let header =
                Array("GET /health HTTP/1.1\r\nHost: studio\r\nX-Slow: ".utf8)
                + Array(repeating: UInt8(ascii: "a"), count: 200)
            let sending = Task.detached {
                for byte in header {
                    trickle.send([byte])
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let trickled = await trickle.readToClose()
            sending.cancel()
            // Its next byte after the close may reset the connection before the 408 is read.
            #expect(trickled.text.hasPrefix("HTTP/1.1 408") || trickled.text.isEmpty, "\(trickled.text)")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("a slow but steady upload is not cut: each 500 bytes earn a second")
    func steadyUpload() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false, connections: Self.limits) { _, client in
            let port = try #require(client.port)
            let upload = try RawClient(port: port)
            let body =
                "{\"program\":\"total-back\",\"minutes\":30,\"note\":\"" + String(repeating: "a", count: 2_950) + "\"}"
            upload.send(
                "POST /api/quotes HTTP/1.1\r\nHost: studio\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n")
            // 3 KB over 2.5 s (1,200 bytes a second): past the 2 s allowance, never below the rate.
            for start in stride(from: 0, to: body.utf8.count, by: 300) {
                let bytes = Array(body.utf8)[start..<min(body.utf8.count, start + 300)]
                upload.send(Array(bytes))
                try await Task.sleep(for: .milliseconds(250))
            }
            let answer = await upload.readToClose()
            #expect(!answer.text.hasPrefix("HTTP/1.1 408"), "\(answer.text.prefix(200))")
            #expect(answer.text.hasPrefix("HTTP/1.1 4"), "the studio read it and answered: \(answer.text.prefix(200))")
        }
    }

    @Test("Content-Length with Transfer-Encoding gets 400 at once; a chunked body over 1 MiB gets 413, not 500")
    func oddFraming() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false, connections: Self.limits) { _, client in
            let port = try #require(client.port)
            let both = try RawClient(port: port)
            both.send(
                "POST /api/quotes HTTP/1.1\r\nHost: studio\r\nContent-Type: application/json\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
            let refused = await both.readToClose()
            #expect(refused.text.hasPrefix("HTTP/1.1 400"), "\(refused.text)")
            #expect(refused.after < .seconds(1), "answered after \(refused.after)")

            let chunked = try RawClient(port: port)
            chunked.send(
                "POST /api/quotes HTTP/1.1\r\nHost: studio\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
            let chunk = "10000\r\n" + String(repeating: "x", count: 65_536) + "\r\n"
            for _ in 0..<20 { chunked.send(chunk) }
            chunked.send("0\r\n\r\n")
            let large = await chunked.readToClose()
            #expect(large.text.hasPrefix("HTTP/1.1 413"), "\(large.text.prefix(300))")
        }
    }
}
