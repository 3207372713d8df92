#if canImport(Glibc)
    import Glibc
    private let datagramKind = Int32(SOCK_DGRAM.rawValue)
    private let systemConnect = Glibc.connect
    private let systemSend = Glibc.send
#else
    import Darwin
    private let datagramKind = SOCK_DGRAM
    private let systemConnect = Darwin.connect
    private let systemSend = Darwin.send
#endif

/// An IPv4 UDP socket for the 1 kHz links: sends and receives never block (a full send buffer
/// drops the datagram, as the network would), and ``wait(milliseconds:)`` is the only call that
/// waits. Sending and receiving allocate nothing.
public final class DatagramSocket: @unchecked Sendable {
    /// An IPv4 address and port.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        var address: sockaddr_in

        public init(host: String, port: UInt16) throws(DatagramSocketError) {
            address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw DatagramSocketError("\(host) is not an IPv4 address (e.g. 127.0.0.1)")
            }
        }

        init(_ address: sockaddr_in) { self.address = address }

        public var port: UInt16 { UInt16(bigEndian: address.sin_port) }

        /// The IPv4 address, dotted.
        public var host: String {
            var copy = address.sin_addr
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            inet_ntop(AF_INET, &copy, &text, socklen_t(INET_ADDRSTRLEN))
            let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return String(decoding: bytes, as: UTF8.self)
        }

        public var description: String { "\(host):\(port)" }

        public static func == (a: Endpoint, b: Endpoint) -> Bool {
            a.address.sin_port == b.address.sin_port && a.address.sin_addr.s_addr == b.address.sin_addr.s_addr
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(address.sin_port)
            hasher.combine(address.sin_addr.s_addr)
        }
    }

    private let descriptor: Int32
    /// The port this socket is bound to.
    public let localPort: UInt16

    /// A socket bound to `endpoint` (port 0: any free port).
    public init(bindingTo endpoint: Endpoint) throws(DatagramSocketError) {
        let fd = socket(AF_INET, datagramKind, 0)
        guard fd >= 0 else { throw DatagramSocketError("no socket: \(String(cString: strerror(errno)))") }
        var address = endpoint.address
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DatagramSocketError("\(endpoint) cannot be listened on: \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        localPort = UInt16(bigEndian: actual.sin_port)
    }

    deinit { close(descriptor) }

    /// Sends only to `peer` and receives only from it; the system then reports a peer that is
    /// gone (`ECONNREFUSED`) on the next send or receive.
    public func connect(to peer: Endpoint) throws(DatagramSocketError) {
        var address = peer.address
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            throw DatagramSocketError("cannot reach \(peer): \(String(cString: strerror(errno)))")
        }
    }

    /// Sends `count` bytes (to the connected peer, or to `peer`). Returns 0, or the errno: a
    /// full buffer (`EAGAIN`, `ENOBUFS`) means the datagram was dropped.
    public func send(_ bytes: UnsafeRawBufferPointer, to peer: Endpoint? = nil) -> Int32 {
        while true {
            let sent: Int
            if var address = peer?.address {
                sent = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(
                            descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0,
                            socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            } else {
                sent = systemSend(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT))
            }
            if sent >= 0 { return 0 }
            if errno == EINTR { continue }
            return errno
        }
    }

    /// What a receive found.
    public enum Received: Sendable, Hashable {
        /// A datagram of this many bytes, from this sender.
        case datagram(Int, from: Endpoint)
        /// Nothing waiting.
        case nothing
        /// The system reports an error (its errno): `ECONNREFUSED` when a connected peer is gone.
        case failed(Int32)
    }

    /// Takes one waiting datagram into `buffer` (a longer one is cut to it), without waiting.
    public func receive(into buffer: UnsafeMutableRawBufferPointer) -> Received {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        while true {
            let count = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT), $0, &length)
                }
            }
            if count >= 0 { return .datagram(count, from: Endpoint(address)) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .nothing }
            return .failed(errno)
        }
    }

    /// Waits until a datagram is waiting or `milliseconds` pass. Returns whether one is.
    public func wait(milliseconds: Int) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&entry, 1, Int32(milliseconds))
            if result < 0, errno == EINTR { continue }
            return result > 0
        }
    }
}

/// Why a socket could not be opened, bound or connected, in words.
public struct DatagramSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
