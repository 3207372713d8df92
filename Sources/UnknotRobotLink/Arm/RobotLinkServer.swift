import Synchronization
import UnknotCore

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Runs an arm behind the robot link: listens on a UDP port, accepts one station at a time, and
/// drives the arm with a ``RobotLinkEndpoint``. In real time the arm steps once a millisecond on
/// the robot's own clock and reports each step; in lockstep it steps once per command and
/// answers each, as fast as the station sends.
///
/// What `unknot robot-sim` runs, and the shape an integrator's bridge to real hardware takes.
public final class RobotLinkServer<Arm: RobotArm>: @unchecked Sendable {
    public let socket: DatagramSocket
    public private(set) var endpoint: RobotLinkEndpoint
    public private(set) var arm: Arm
    /// The connected station's address.
    public private(set) var peer: DatagramSocket.Endpoint?
    /// Datagrams from anyone but the connected station, dropped.
    public private(set) var strangers = 0
    /// Robot milliseconds stepped.
    public private(set) var steps = 0
    /// Reach queries answered (before sessions).
    public private(set) var reachesAnswered = 0
    private let stopping = Atomic<Bool>(false)
    private let buffer: UnsafeMutableRawBufferPointer
    private let reply: UnsafeMutableRawBufferPointer
    private var robotTime: Int64 = 0
    /// Called after every step with the command followed and the reading (for logs and tests).
    public var onStep: ((RobotCommand, ArmReading) -> Void)?
    /// Called when the watchdog lifts the arm: the robot time then and of the last valid command, µs,
    /// and the command it was (its station time says how far the station got).
    public var onHold: ((_ at: Int64, _ lastCommandAt: Int64, _ last: RobotCommand) -> Void)?

    /// Serves `arm` on `endpoint`, in the `modes` it can keep (a simulation too slow for real time
    /// serves lockstep only).
    public init(
        listening endpoint: DatagramSocket.Endpoint, arm: Arm, modes: Set<RobotLinkMode> = [.realTime, .lockstep]
    ) throws(DatagramSocketError) {
        socket = try DatagramSocket(bindingTo: endpoint)
        self.arm = arm
        self.endpoint = RobotLinkEndpoint(identity: arm.identity)
        self.endpoint.modes = modes
        buffer = .allocate(byteCount: 2_048, alignment: 8)
        reply = .allocate(byteCount: RobotLinkWire.maximumSize, alignment: 8)
    }

    deinit {
        buffer.deallocate()
        reply.deallocate()
    }

    /// Asks ``run()`` to return (from any thread).
    public func stop() { stopping.store(true, ordering: .relaxed) }

    /// Serves until ``stop()``, on a real-time thread if the system allows it.
    public func run() {
        _ = RealTimeThread.raisePriority()
        var next = Self.monotonicMicroseconds() + 1_000
        // An arm serving lockstep only never steps on its own, not even before a station comes: a
        // session then starts from the same state however long the station took to say hello (it
        // stepped in real time until then, and two runs of one session differed). Its link's clock
        // still passes while it waits, so a station gone without a goodbye does not hold it.
        let lockstepOnly = !endpoint.modes.contains(.realTime)
        while !stopping.load(ordering: .relaxed) {
            if lockstepOnly || (endpoint.station != nil && endpoint.mode == .lockstep) {
                if socket.wait(milliseconds: 10) {
                    drain(now: robotTime)
                } else if lockstepOnly {
                    robotTime += 10_000
                }
                next = Self.monotonicMicroseconds() + 1_000
                continue
            }
            let now = Self.monotonicMicroseconds()
            if now < next {
                Self.sleep(microseconds: next - now)
                continue
            }
            next += 1_000
            if now - next > 100_000 { next = now + 1_000 }  // fell far behind: start again from now
            robotTime = now
            drain(now: now)
            guard endpoint.mode == .realTime || endpoint.station == nil else { continue }
            let holds = endpoint.watchdogHolds
            endpoint.watch(at: now)
            if endpoint.watchdogHolds > holds { onHold?(now, endpoint.lastValidAt, endpoint.demand) }
            step(reportingTo: endpoint.station != nil ? peer : nil)
        }
    }

    private func drain(now: Int64) {
        while case .datagram(let count, let sender) = socket.receive(into: buffer) {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let isHello = count > 6 && bytes[6] == 1
            guard sender == peer || isHello else {
                strangers += 1
                continue
            }
            switch endpoint.receive(bytes, at: now) {
            case .none, .disconnected: break
            case .reply(let message): send(message, to: sender)
            case .connected(let welcome):
                peer = sender
                send(welcome, to: sender)
            case .applied:
                if endpoint.mode == .lockstep {
                    robotTime += 1_000
                    step(reportingTo: sender)
                }
            case .reach(let query):
                let verdict = arm.reach(query.position, normal: query.normal)
                reachesAnswered += 1
                send(.reachAnswer(ReachAnswer(check: query.check, index: query.index, verdict: verdict)), to: sender)
            }
        }
    }

    private func step(reportingTo receiver: DatagramSocket.Endpoint?) {
        if endpoint.takeFaultReset() { arm.resetFault() }
        let reading = arm.step(following: endpoint.demand)
        steps += 1
        onStep?(endpoint.demand, reading)
        if let receiver { send(endpoint.report(reading, at: robotTime), to: receiver) }
    }

    private func send(_ message: RobotLinkMessage, to receiver: DatagramSocket.Endpoint) {
        let count = RobotLinkWire.encode(message, into: reply)
        _ = socket.send(UnsafeRawBufferPointer(rebasing: reply[0..<count]), to: receiver)
    }

    static func monotonicMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    static func sleep(microseconds: Int64) {
        var request = timespec(tv_sec: Int(microseconds / 1_000_000), tv_nsec: Int(microseconds % 1_000_000) * 1_000)
        var remaining = timespec()
        _ = nanosleep(&request, &remaining)
    }
}
