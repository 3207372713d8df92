import UnknotCore
import UnknotRobotLink
import UnknotSession

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The station's end of the robot link: a ``RobotHardware`` that speaks the robot-link protocol
/// over UDP to an arm (or to `unknot robot-sim`).
///
/// Guarantees, beyond ``RobotHardware``'s:
/// - ``write(_:at:)`` sends without waiting; a datagram the system cannot take is dropped and
///   counted, as the network would drop it.
/// - ``read(at:)`` returns the newest report by the robot's clock (older, reordered and
///   duplicated ones are counted and dropped). In real time it never waits; in lockstep it waits
///   at most ``Options/replyMilliseconds`` for the answer to the last command.
/// - An arm that holds, does not answer in lockstep, or whose address is unreachable is reported
///   as a fault (``RobotLinkFault``), so the supervisor lifts at once rather than after its 50 ms.
public final class RobotLinkHardware: RobotHardware, @unchecked Sendable {
    public struct Options: Sendable {
        public var mode: RobotLinkMode
        /// How long ``configure()`` tries to reach the arm, ms.
        public var handshakeMilliseconds: Int
        /// In lockstep, how long a read waits for the answer to a command, ms.
        public var replyMilliseconds: Int
        /// The station's name, for the arm's log.
        public var station: String

        public init(
            mode: RobotLinkMode = .realTime, handshakeMilliseconds: Int = 2_000, replyMilliseconds: Int = 200,
            station: String = "unknot station"
        ) {
            self.mode = mode
            self.handshakeMilliseconds = handshakeMilliseconds
            self.replyMilliseconds = replyMilliseconds
            self.station = station
        }
    }

    /// Datagrams counted on the way, for the station's status.
    public struct Statistics: Sendable, Hashable {
        public var commandsSent = 0
        public var commandsDropped = 0
        public var reports = 0
        public var staleReports = 0
        public var invalidDatagrams = 0
        public var missedReplies = 0
    }

    public private(set) var lifecycle = HardwareLifecycle.unconfigured
    public private(set) var identity: RobotIdentity?
    public private(set) var statistics = Statistics()
    /// The newest report taken.
    public private(set) var lastReport: RobotReport?
    public let options: Options
    public let robot: DatagramSocket.Endpoint
    let socket: DatagramSocket
    let frame: StationFrame
    private let nonce: UInt64
    private var sequence: UInt64 = 0
    private var newestRobotTime = Int64.min
    private var resetAsked = false
    private let outgoing: UnsafeMutableRawBufferPointer
    let incoming: UnsafeMutableRawBufferPointer

    /// A link to the arm at `robot`, for a client whose body is `frame`'s.
    public init(robot: DatagramSocket.Endpoint, frame: StationFrame, options: Options = Options())
        throws(DatagramSocketError)
    {
        self.robot = robot
        self.frame = frame
        self.options = options
        socket = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "0.0.0.0", port: 0))
        try socket.connect(to: robot)
        var generator = SystemRandomNumberGenerator()
        nonce = generator.next() | 1
        outgoing = .allocate(byteCount: RobotLinkWire.maximumSize, alignment: 8)
        incoming = .allocate(byteCount: 2_048, alignment: 8)
    }

    deinit {
        outgoing.deallocate()
        incoming.deallocate()
    }

    public func configure() throws(HardwareError) {
        guard lifecycle == .unconfigured || lifecycle == .inactive else {
            throw .wrongState(lifecycle, expected: .unconfigured)
        }
        let hello = RobotLinkMessage.hello(RobotLinkHello(nonce: nonce, mode: options.mode, station: options.station))
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(options.handshakeMilliseconds)
        var nextHello = clock.now
        while clock.now < deadline {
            if clock.now >= nextHello {
                try send(hello)
                nextHello = clock.now + .milliseconds(100)
            }
            let wait = Self.milliseconds(min(nextHello, deadline) - clock.now)
            if socket.wait(milliseconds: max(1, wait)), let answer = try handshakeAnswer() {
                identity = answer.identity
                lifecycle = .inactive
                return
            }
        }
        throw .unreachable(afterMilliseconds: options.handshakeMilliseconds)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private func handshakeAnswer() throws(HardwareError) -> RobotLinkWelcome? {
        while true {
            switch socket.receive(into: incoming) {
            case .nothing: return nil
            case .failed(let code):
                // Nothing listens there yet: keep trying until the handshake's time is up.
                if code == ECONNREFUSED { return nil }
                throw .sendFailed(errno: code)
            case .datagram(let count, _):
                let message: RobotLinkMessage
                do {
                    message = try RobotLinkWire.decode(UnsafeRawBufferPointer(rebasing: incoming[0..<count]))
                } catch {
                    statistics.invalidDatagrams += 1
                    continue
                }
                switch message {
                case .welcome(let welcome) where welcome.nonce == nonce:
                    guard welcome.mode == options.mode else {
                        throw .refused("the robot runs in \(welcome.mode) mode, not \(options.mode)")
                    }
                    return welcome
                case .refusal(let refusal) where refusal.nonce == nonce:
                    throw .refused(refusal.text)
                default:
                    statistics.invalidDatagrams += 1
                }
            }
        }
    }

    public func activate() throws(HardwareError) {
        guard lifecycle == .inactive else { throw .wrongState(lifecycle, expected: .inactive) }
        lifecycle = .active
    }

    public func deactivate() throws(HardwareError) {
        guard lifecycle == .active else { throw .wrongState(lifecycle, expected: .active) }
        lifecycle = .inactive
        try send(.goodbye(nonce: nonce))
    }

    public func reset() throws(HardwareError) {
        guard lifecycle == .failed || lifecycle == .active || lifecycle == .inactive else {
            throw .wrongState(lifecycle, expected: .failed)
        }
        resetAsked = true
        if lifecycle == .failed { lifecycle = .inactive }
    }

    public func write(_ setpoint: Setpoint, at now: Int) throws(HardwareError) {
        guard lifecycle == .active else { throw .notActive }
        sequence += 1
        let command = frame.command(for: setpoint, sequence: sequence, time: Int64(now) * 1_000, resetFault: resetAsked)
        resetAsked = false
        try send(.command(command))
    }

    func send(_ message: RobotLinkMessage) throws(HardwareError) {
        let count = RobotLinkWire.encode(message, into: outgoing)
        let result = socket.send(UnsafeRawBufferPointer(rebasing: outgoing[0..<count]))
        if case .command = message { statistics.commandsSent += 1 }
        switch result {
        case 0: return
        case EAGAIN, EWOULDBLOCK, ENOBUFS: statistics.commandsDropped += 1
        case ECONNREFUSED where lifecycle == .unconfigured: return
        default:
            if lifecycle == .active { lifecycle = .failed }
            throw .sendFailed(errno: result)
        }
    }

    public func read(at now: Int) -> SensorFrame? {
        if options.mode == .lockstep, lifecycle == .active || lifecycle == .failed {
            return lockstepRead()
        }
        var newest: RobotReport?
        while let report = nextReport() {
            if report.time > newestRobotTime {
                newestRobotTime = report.time
                newest = report
            } else {
                statistics.staleReports += 1
            }
        }
        if lifecycle == .failed, newest == nil { return Self.fault(RobotLinkFault.unreachable) }
        return newest.map(take)
    }

    private func lockstepRead() -> SensorFrame? {
        // Nothing asked yet, or the answer to the last command already taken: nothing to wait for.
        guard sequence > 0, lastReport?.sequence != sequence else { return nil }
        var waited = 0
        while waited <= options.replyMilliseconds {
            while let report = nextReport() {
                guard report.sequence == sequence else {
                    statistics.staleReports += 1
                    continue
                }
                newestRobotTime = report.time
                return take(report)
            }
            if lifecycle == .failed { return Self.fault(RobotLinkFault.unreachable) }
            if !socket.wait(milliseconds: 1) { waited += 1 }
        }
        statistics.missedReplies += 1
        return Self.fault(RobotLinkFault.noReply)
    }

    /// The next report waiting, skipping anything else.
    private func nextReport() -> RobotReport? {
        while true {
            switch socket.receive(into: incoming) {
            case .nothing: return nil
            case .failed(let code):
                if code == ECONNREFUSED, lifecycle == .active { lifecycle = .failed }
                return nil
            case .datagram(let count, _):
                guard
                    case .report(let report)? = try? RobotLinkWire.decode(
                        UnsafeRawBufferPointer(rebasing: incoming[0..<count]))
                else {
                    statistics.invalidDatagrams += 1
                    continue
                }
                statistics.reports += 1
                return report
            }
        }
    }

    private func take(_ report: RobotReport) -> SensorFrame {
        lastReport = report
        let status: RobotStatus =
            switch report.status {
            case .ready: .ready
            case .holding: .fault(code: RobotLinkFault.holding)
            case .fault: .fault(code: Int(report.faultCode))
            }
        return SensorFrame(measuredForce: report.force, tissueStiffness: report.stiffness, status: status)
    }

    private static func fault(_ code: Int) -> SensorFrame {
        SensorFrame(measuredForce: 0, tissueStiffness: 0, status: .fault(code: code))
    }
}
