import Synchronization
import UnknotCore
import UnknotRobotLink

@testable import UnknotStation

#if canImport(Glibc)
    import Glibc
#endif

/// A UDP proxy between a station and its arm that treats datagrams as a bad network would:
/// drops some, delays each by a random jitter (so some overtake others), sends some twice, and
/// can black out for a while, both ways. Seeded: the same seed makes the same decisions.
final class LossyProxy: @unchecked Sendable {
    struct Impairment {
        var loss = 0.01
        var jitterMicroseconds: Int64 = 5_000
        var duplicates = 0.01
    }

    /// What the proxy did.
    struct Counts: Sendable, Hashable {
        var received = 0
        var forwarded = 0
        var dropped = 0
        var duplicated = 0
        /// Datagrams delivered after one that left its sender later.
        var reordered = 0
        var blackedOut = 0
    }

    let socket: DatagramSocket
    let robot: DatagramSocket.Endpoint
    private let impairment: Impairment
    private var generator: SeededGenerator
    private var station: DatagramSocket.Endpoint?
    private var queue: [(due: Int64, order: Int, toRobot: Bool, bytes: [UInt8])] = []
    private var order = 0
    private var lastDelivered = (toRobot: -1, toStation: -1)
    private let stopping = Atomic<Bool>(false)
    private let blackoutUntil = Atomic<Int64>(0)
    private let counted = Mutex(Counts())
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 2_048, alignment: 8)

    init(to robot: UInt16, seed: UInt64, impairment: Impairment = Impairment()) throws {
        socket = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
        self.robot = try DatagramSocket.Endpoint(host: "127.0.0.1", port: robot)
        self.impairment = impairment
        generator = SeededGenerator(seed: seed)
    }

    deinit { buffer.deallocate() }

    var port: UInt16 { socket.localPort }
    var counts: Counts { counted.withLock { $0 } }

    /// Nothing gets through either way for `milliseconds`, from now.
    func blackout(milliseconds: Int) {
        blackoutUntil.store(Self.now() + Int64(milliseconds) * 1_000, ordering: .relaxed)
    }

    func stop() { stopping.store(true, ordering: .relaxed) }

    /// Forwards until ``stop()``, on the calling thread.
    func run() {
        while !stopping.load(ordering: .relaxed) {
            let now = Self.now()
            let dark = now < blackoutUntil.load(ordering: .relaxed)
            while case .datagram(let count, let sender) = socket.receive(into: buffer) {
                take(Array(UnsafeRawBufferPointer(rebasing: buffer[0..<count])), from: sender, at: now, dark: dark)
            }
            deliver(at: now, dark: dark)
            var pause = timespec(tv_sec: 0, tv_nsec: 100_000)
            nanosleep(&pause, nil)
        }
    }

    private func take(_ bytes: [UInt8], from sender: DatagramSocket.Endpoint, at now: Int64, dark: Bool) {
        let toRobot = sender != robot
        if toRobot { station = sender }
        counted.withLock { $0.received += 1 }
        if dark {
            counted.withLock { $0.blackedOut += 1 }
            return
        }
        if Double.random(in: 0..<1, using: &generator) < impairment.loss {
            counted.withLock { $0.dropped += 1 }
            return
        }
        order += 1
        let copies = Double.random(in: 0..<1, using: &generator) < impairment.duplicates ? 2 : 1
        if copies == 2 { counted.withLock { $0.duplicated += 1 } }
        for _ in 0..<copies {
            let delay = Int64.random(in: 0...impairment.jitterMicroseconds, using: &generator)
            queue.append((now + delay, order, toRobot, bytes))
        }
    }

    private func deliver(at now: Int64, dark: Bool) {
        guard queue.contains(where: { $0.due <= now }) else { return }
        let due = queue.filter { $0.due <= now }.sorted { $0.due < $1.due }
        queue.removeAll { $0.due <= now }
        for item in due {
            if dark {
                counted.withLock { $0.blackedOut += 1 }
                continue
            }
            guard let target = item.toRobot ? robot : station else { continue }
            let last = item.toRobot ? lastDelivered.toRobot : lastDelivered.toStation
            if item.order < last { counted.withLock { $0.reordered += 1 } }
            if item.toRobot {
                lastDelivered.toRobot = max(last, item.order)
            } else {
                lastDelivered.toStation = max(last, item.order)
            }
            _ = item.bytes.withUnsafeBytes { socket.send($0, to: target) }
            counted.withLock { $0.forwarded += 1 }
        }
    }

    static func now() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }
}
