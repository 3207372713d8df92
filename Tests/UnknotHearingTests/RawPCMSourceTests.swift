import Foundation
import Testing

@testable import UnknotHearing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A microphone's raw PCM from a pipe, a file or UDP datagrams")
struct RawPCMSourceTests {
    static func read(_ source: RawPCMSource, capacity: Int = 4_096) -> (RawPCMSource.Reading, [Int16]) {
        var buffer = [Int16](repeating: 0, count: capacity)
        let reading = buffer.withUnsafeMutableBufferPointer { source.read(into: $0) }
        if case .samples(let n) = reading { return (reading, Array(buffer.prefix(n))) }
        return (reading, [])
    }

    @Test("A file is read whole, little-endian, in reads of any size, then ends")
    func file() throws {
        let samples: [Int16] = (0..<1_001).map { Int16(truncatingIfNeeded: $0 * 97 - 30_000) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-pcm-\(UUID()).raw")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }).write(to: url)
        let source = try RawPCMSource(.file(url.path))
        var read: [Int16] = []
        while case (.samples, let got) = Self.read(source, capacity: 7) { read += got }
        #expect(read == samples)
        #expect(Self.read(source).0 == .ended)
    }

    @Test("A pipe that delivers half a sample keeps the byte for the next read")
    func pipeCarry() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let source = try RawPCMSource(.file("/dev/fd/\(ends[0])"))
        close(ends[0])
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06]
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, 3) }
        #expect(Self.read(source).1 == [0x0201])
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress! + 3, 3) }
        #expect(Self.read(source).1 == [0x0403, 0x0605])
        close(ends[1])
        #expect(Self.read(source).0 == .ended)
    }

    @Test("UDP datagrams on loopback: whole samples passed on, an odd datagram dropped and counted")
    func udp() throws {
        let source = try RawPCMSource(.udp(host: "127.0.0.1", port: 0))
        #expect(source.boundPort != 0)
        let sender = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(sender) }
        var to = sockaddr_in()
        to.sin_family = sa_family_t(AF_INET)
        to.sin_port = source.boundPort.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr)
        func send(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { payload in
                withUnsafePointer(to: &to) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(
                            sender, payload.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
        }
        let samples = (0..<160).map { Int16($0 * 200 - 16_000) }
        send(samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] })
        send([1, 2, 3])
        send([0xFF, 0x7F])
        #expect(Self.read(source).1 == samples)
        #expect(Self.read(source).1 == [Int16.max])
        #expect(source.droppedDatagrams == 1)
    }

    @Test("Addresses: -, a path, udp://HOST:PORT; anything else named with an example")
    func addresses() throws {
        #expect(try RawPCMSource.Address("-") == .standardInput)
        #expect(try RawPCMSource.Address("/tmp/mic.raw") == .file("/tmp/mic.raw"))
        #expect(try RawPCMSource.Address("udp://0.0.0.0:5004") == .udp(host: "0.0.0.0", port: 5_004))
        for bad in ["udp://host", "udp://:5004", "udp://1.2.3.4:99999", ""] {
            #expect(throws: AudioFileError.self, "\(bad)") { try RawPCMSource.Address(bad) }
        }
        #expect(throws: AudioFileError.self) { try RawPCMSource(.udp(host: "localhost", port: 1)) }
        #expect(throws: AudioFileError.self) { try RawPCMSource(.file("/nonexistent/mic.raw")) }
    }
}
