import UnknotCore

/// The robot's end of the robot link, as a system with explicit inputs, state and outputs
/// (no sockets, no clock of its own): datagrams and the robot's time in; the command the arm
/// follows (``demand``) and the datagrams to send out.
///
/// Guarantees:
/// - The arm lifts and holds (``RobotLinkStatus/holding``) once ``RobotIdentity/watchdogMilliseconds``
///   pass without a valid command, and on a goodbye; it takes contact again only after a
///   command without contact.
/// - A command not newer than the last applied (a duplicate, a late reordered one) changes
///   nothing; a datagram that does not decode changes nothing and is counted.
/// - Before its first command without contact, the arm does not touch the body.
public struct RobotLinkEndpoint: Sendable {
    public let identity: RobotIdentity
    /// The connected station's nonce, once a hello was accepted.
    public private(set) var station: UInt64?
    public private(set) var mode = RobotLinkMode.realTime
    /// What the arm follows now.
    public private(set) var demand: RobotCommand
    public private(set) var holding = false
    /// The modes this arm serves; a hello asking for another is refused (`modeNotSupported`).
    public var modes: Set<RobotLinkMode> = [.realTime, .lockstep]
    /// Counters, for the robot's own log.
    public private(set) var received = 0
    public private(set) var invalid = 0
    public private(set) var stale = 0
    /// Times the watchdog lifted the arm.
    public private(set) var watchdogHolds = 0
    private var lastSequence: UInt64 = 0
    /// Robot time of the last valid datagram from the station, µs.
    public private(set) var lastValidAt: Int64 = 0
    private var armed = false
    private var faultResetAsked = false

    public init(identity: RobotIdentity, at position: Vector3 = Vector3(x: 0, y: 0, z: 30)) {
        self.identity = identity
        demand = RobotCommand(
            sequence: 0, time: 0, contact: false, position: position, normal: Vector3(x: 0, y: 0, z: 1), force: 0,
            speed: 0)
    }

    /// What one datagram asks of the robot.
    public enum Answer: Sendable, Hashable {
        /// Nothing to send.
        case none
        /// Send this to the datagram's sender (a welcome, a refusal).
        case reply(RobotLinkMessage)
        /// A command was applied (in lockstep: step the arm once and report).
        case applied
        /// A station said hello and was accepted; later datagrams from elsewhere are ignored.
        case connected(RobotLinkMessage)
        /// The station said goodbye; the arm holds.
        case disconnected
        /// The connected station asks whether the tool can press at a point: answer with the arm's
        /// own ``RobotArm/reach(_:normal:)``. Nothing moves.
        case reach(ReachQuery)
    }

    /// Takes one datagram received at robot time `now` (µs).
    public mutating func receive(_ bytes: UnsafeRawBufferPointer, at now: Int64) -> Answer {
        received += 1
        let message: RobotLinkMessage
        do {
            message = try RobotLinkWire.decode(bytes)
        } catch {
            invalid += 1
            return .none
        }
        switch message {
        case .hello(let hello):
            guard modes.contains(hello.mode) else {
                return .reply(
                    .refusal(
                        RobotLinkRefusal(
                            nonce: hello.nonce, reason: .modeNotSupported,
                            text: hello.mode == .realTime
                                ? "this arm serves lockstep only; ask for lockstep" : "this arm runs in real time only")
                    ))
            }
            let silent = now - lastValidAt > Int64(identity.watchdogMilliseconds) * 1_000
            if let station, station != hello.nonce, !silent {
                return .reply(
                    .refusal(
                        RobotLinkRefusal(
                            nonce: hello.nonce, reason: .busy, text: "another station is driving this arm")))
            }
            station = hello.nonce
            mode = hello.mode
            lastSequence = 0
            lastValidAt = now
            hold()
            holding = false
            return .connected(.welcome(RobotLinkWelcome(nonce: hello.nonce, identity: identity, mode: hello.mode)))
        case .command(let command):
            guard station != nil else {
                invalid += 1
                return .none
            }
            guard command.sequence > lastSequence else {
                stale += 1
                return .none
            }
            lastSequence = command.sequence
            lastValidAt = now
            if command.resetFault { faultResetAsked = true }
            if !command.contact {
                armed = true
                holding = false
            }
            demand = armed ? command : command.held
            return .applied
        case .goodbye(let nonce):
            guard nonce == station else { return .none }
            station = nil
            hold()
            return .disconnected
        case .reachQuery(let query):
            guard station != nil else {
                invalid += 1
                return .none
            }
            return .reach(query)
        case .welcome, .refusal, .report, .reachAnswer:
            invalid += 1
            return .none
        }
    }

    /// The watchdog, once per robot millisecond (real-time mode): lifts and holds when no valid
    /// command came within the watchdog.
    /// Until the station's first command the arm is lifted and unarmed already: nothing to hold.
    public mutating func watch(at now: Int64) {
        guard !holding, station != nil, lastSequence > 0 else { return }
        if now - lastValidAt >= Int64(identity.watchdogMilliseconds) * 1_000 {
            hold()
            watchdogHolds += 1
        }
    }

    /// Whether the station asked for the arm's fault to be cleared since the last call.
    public mutating func takeFaultReset() -> Bool {
        defer { faultResetAsked = false }
        return faultResetAsked
    }

    /// The report of this millisecond.
    public func report(_ reading: ArmReading, at now: Int64) -> RobotLinkMessage {
        let status: RobotLinkStatus = reading.faultCode != nil ? .fault : holding ? .holding : .ready
        return .report(
            RobotReport(
                sequence: lastSequence, time: now, status: status, faultCode: reading.faultCode ?? 0,
                force: reading.force, wrenchForce: reading.wrenchForce, wrenchTorque: reading.wrenchTorque,
                position: reading.position, normal: reading.normal, stiffness: reading.stiffness))
    }

    private mutating func hold() {
        holding = true
        armed = false
        demand = demand.held
    }
}
