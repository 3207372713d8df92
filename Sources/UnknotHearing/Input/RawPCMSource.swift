#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A microphone's raw audio as a station receives it: signed 16-bit little-endian mono PCM at
/// 16 kHz, from standard input or a pipe (`arecord -f S16_LE -r 16000 -c 1 -t raw | …`), a file,
/// or UDP datagrams (`udp://HOST:PORT`, each datagram whole samples).
///
/// Guarantees: samples are only passed on, never stored beyond one read or written anywhere;
/// ``read(into:)`` allocates nothing; a datagram with an odd number of bytes is dropped whole
/// and counted (``droppedDatagrams``), never split into wrong samples; a UDP read waits at most
/// ``quietAfter`` seconds, so the caller can look up (a stop, a lost stream). Not for sharing
/// between threads: one reader belongs to one listening thread.
public final class RawPCMSource: @unchecked Sendable {
    public enum Address: Sendable, Equatable {
        case standardInput
        case file(String)
        case udp(host: String, port: UInt16)

        /// `-`, a path, or `udp://HOST:PORT` (an IPv4 address; port 0 picks a free one).
        public init(_ text: String) throws(AudioFileError) {
            if text == "-" {
                self = .standardInput
            } else if text.hasPrefix("udp://") {
                let rest = text.dropFirst(6)
                guard let colon = rest.lastIndex(of: ":"), let port = UInt16(rest[rest.index(after: colon)...]),
                    !rest[..<colon].isEmpty
                else {
                    throw AudioFileError("\(text) is not a UDP address; write udp://HOST:PORT, e.g. udp://0.0.0.0:5004")
                }
                self = .udp(host: String(rest[..<colon]), port: port)
            } else if text.isEmpty {
                throw AudioFileError("no audio source; give -, a file or udp://HOST:PORT")
            } else {
                self = .file(text)
            }
        }
    }

    /// What one read gave.
    public enum Reading: Sendable, Equatable {
        case samples(Int)
        /// Nothing arrived for ``quietAfter`` seconds (UDP only).
        case quiet
        /// The stream ended (a pipe or file at its end).
        case ended
    }

    public let address: Address
    /// The UDP port bound (the one chosen when asked for port 0); 0 otherwise.
    public private(set) var boundPort: UInt16 = 0
    public private(set) var droppedDatagrams = 0
    public static let quietAfter = 1
    private let descriptor: Int32
    private let owned: Bool
    private let bytes: UnsafeMutableRawBufferPointer
    /// A byte left over from a read of a pipe that ended mid-sample.
    private var carry: UInt8?

    public init(_ address: Address) throws(AudioFileError) {
        self.address = address
        bytes = .allocate(byteCount: 65_536, alignment: 2)
        switch address {
        case .standardInput:
            descriptor = 0
            owned = false
        case .file(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                bytes.deallocate()
                throw AudioFileError("\(path) cannot be opened: \(String(cString: strerror(errno)))")
            }
            descriptor = fd
            owned = true
        case .udp(let host, let port):
            let fd = socket(AF_INET, datagramSocket, 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard fd >= 0, inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                if fd >= 0 { close(fd) }
                bytes.deallocate()
                throw AudioFileError(
                    "udp://\(host):\(port): \(host) is not an IPv4 address (e.g. 127.0.0.1 or 0.0.0.0)")
            }
            var timeout = timeval(tv_sec: Self.quietAfter, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                bytes.deallocate()
                throw AudioFileError("udp://\(host):\(port) cannot be listened on: \(reason)")
            }
            var actual = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &actual) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            boundPort = UInt16(bigEndian: actual.sin_port)
            descriptor = fd
            owned = true
        }
    }

    deinit {
        if owned { close(descriptor) }
        bytes.deallocate()
    }

    /// Reads what has arrived into `samples` (at most its size; a datagram larger than that is
    /// cut to it), waiting for some.
    public func read(into samples: UnsafeMutableBufferPointer<Int16>) -> Reading {
        let room = min(bytes.count, samples.count * 2)
        guard room >= 2, let base = bytes.baseAddress else { return .samples(0) }
        switch address {
        case .udp:
            while true {
                let count = recv(descriptor, base, room, 0)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .quiet
                }
                guard count % 2 == 0 else {
                    droppedDatagrams += 1
                    continue
                }
                return .samples(convert(count, into: samples, offset: 0))
            }
        case .standardInput, .file:
            var offset = 0
            if let carry {
                base.storeBytes(of: carry, as: UInt8.self)
                offset = 1
                self.carry = nil
            }
            while true {
                let count = readBytes(descriptor, base + offset, room - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return offset > 0 ? .samples(0) : .ended }
                let total = offset + count
                if total % 2 == 1 { carry = bytes[total - 1] }
                return .samples(convert(total - total % 2, into: samples, offset: 0))
            }
        }
    }

    private func convert(_ count: Int, into samples: UnsafeMutableBufferPointer<Int16>, offset: Int) -> Int {
        let n = count / 2
        for i in 0..<n {
            let low = UInt16(bytes[2 * i])
            let high = UInt16(bytes[2 * i + 1])
            samples[offset + i] = Int16(bitPattern: low | high << 8)
        }
        return n
    }
}

#if canImport(Glibc)
    private let datagramSocket = Int32(SOCK_DGRAM.rawValue)
    private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        Glibc.read(fd, buffer, count)
    }
#else
    private let datagramSocket = SOCK_DGRAM
    private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        Darwin.read(fd, buffer, count)
    }
#endif
