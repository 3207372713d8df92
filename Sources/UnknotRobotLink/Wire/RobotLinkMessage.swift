import UnknotCore

/// One datagram of the robot link (``RobotLinkWire`` gives its bytes). Values are in the
/// station's units (centimetres, newtons, cm/s, N/cm); the wire carries SI units.
public enum RobotLinkMessage: Sendable, Hashable {
    /// Station → robot: the handshake's opening.
    case hello(RobotLinkHello)
    /// Robot → station: the handshake accepted, with what the robot is.
    case welcome(RobotLinkWelcome)
    /// Robot → station: the handshake refused, and why.
    case refusal(RobotLinkRefusal)
    /// Station → robot, every tick.
    case command(RobotCommand)
    /// Robot → station, every tick (or in answer to each command, in lockstep).
    case report(RobotReport)
    /// Either side: the link is closing (the robot lifts and holds).
    case goodbye(nonce: UInt64)
    /// Station → robot, before a session: can the tool press here?
    case reachQuery(ReachQuery)
    /// Robot → station: the answer.
    case reachAnswer(ReachAnswer)
}

/// How the robot's clock runs.
public enum RobotLinkMode: UInt8, Sendable, Hashable, Codable {
    /// The robot runs its own 1 kHz clock and follows the newest command.
    case realTime = 0
    /// The robot advances one millisecond per command and answers each: deterministic, and as
    /// fast as both sides can go. For simulated robots only.
    case lockstep = 1
}

/// The station's opening: who it is and how it wants the clock to run.
public struct RobotLinkHello: Sendable, Hashable {
    /// Chosen by the station for this connection; every answer echoes it.
    public var nonce: UInt64
    public var mode: RobotLinkMode
    public var station: String

    public init(nonce: UInt64, mode: RobotLinkMode, station: String) {
        self.nonce = nonce
        self.mode = mode
        self.station = station
    }
}

/// The robot's answer: what it is and the limits it keeps.
public struct RobotLinkWelcome: Sendable, Hashable {
    public var nonce: UInt64
    public var identity: RobotIdentity
    public var mode: RobotLinkMode

    public init(nonce: UInt64, identity: RobotIdentity, mode: RobotLinkMode) {
        self.nonce = nonce
        self.identity = identity
        self.mode = mode
    }
}

/// The robot's refusal, with a reason a person can read.
public struct RobotLinkRefusal: Sendable, Hashable {
    public enum Reason: UInt16, Sendable, Hashable {
        case busy = 1, modeNotSupported = 2, faulted = 3, other = 99
    }

    public var nonce: UInt64
    public var reason: Reason
    public var text: String

    public init(nonce: UInt64, reason: Reason, text: String) {
        self.nonce = nonce
        self.reason = reason
        self.text = text
    }
}

/// What the robot is told for one tick: a Cartesian target in the station frame.
public struct RobotCommand: Sendable, Hashable {
    /// Increases by one per command; the robot ignores one not newer than the last it applied.
    public var sequence: UInt64
    /// Station time, microseconds.
    public var time: Int64
    public var contact: Bool
    /// Asks the arm to clear its fault, if its cause is gone (the hardware interface's reset).
    public var resetFault: Bool
    /// The contact's centre, cm, station frame (x across, y along from the crown, z up).
    public var position: Vector3
    /// The surface normal there (unit, pointing out of the skin).
    public var normal: Vector3
    /// Target normal force, N (0 when lifted).
    public var force: Double
    /// The fastest the tool may travel, cm/s.
    public var speed: Double
    /// What the contact is on, for simulated bodies and logs; an arm ignores it.
    public var annotation: ContactAnnotation

    public init(
        sequence: UInt64, time: Int64, contact: Bool, position: Vector3, normal: Vector3, force: Double,
        speed: Double, annotation: ContactAnnotation = .none, resetFault: Bool = false
    ) {
        self.sequence = sequence
        self.time = time
        self.contact = contact
        self.resetFault = resetFault
        self.position = position
        self.normal = normal
        self.force = force
        self.speed = speed
        self.annotation = annotation
    }

    /// The same command with no contact and no force.
    public var lifted: RobotCommand {
        var copy = self
        copy.contact = false
        copy.force = 0
        return copy
    }

    /// How far a holding arm keeps its tool off the skin, cm, along the contact's normal.
    public static let holdClearance = 3.0

    /// What the arm does while holding: no contact, no force, and a contact's centre moved out of
    /// the skin along its normal by ``holdClearance`` — a lift at the contact point would leave the
    /// tool resting on the tissue as it springs back. A command already lifted is kept as it is.
    public var held: RobotCommand {
        guard contact else { return lifted }
        var copy = lifted
        let up = normal.length > 1e-9 && normal.length.isFinite ? normal.normalized : Vector3(x: 0, y: 0, z: 1)
        copy.position = Vector3(
            x: position.x + up.x * Self.holdClearance, y: position.y + up.y * Self.holdClearance,
            z: position.z + up.z * Self.holdClearance)
        return copy
    }
}

/// The station's names for what a contact is on: the face of the body, the part, the technique.
/// Carried for simulated bodies (a human body knows where it is touched) and for logs.
public struct ContactAnnotation: Sendable, Hashable {
    public var face: BodyFace?
    public var part: BodyPartID?
    public var technique: Technique?

    public init(face: BodyFace?, part: BodyPartID?, technique: Technique?) {
        self.face = face
        self.part = part
        self.technique = technique
    }

    public static let none = ContactAnnotation(face: nil, part: nil, technique: nil)
}

/// The robot's state for one tick.
public struct RobotReport: Sendable, Hashable {
    /// The newest command applied (0 before any).
    public var sequence: UInt64
    /// Robot time, microseconds.
    public var time: Int64
    public var status: RobotLinkStatus
    /// The arm's own fault code when ``status`` is ``RobotLinkStatus/fault``.
    public var faultCode: UInt32
    /// Measured normal force, N.
    public var force: Double
    /// Measured force (N) and torque (N·m) at the tool, station frame.
    public var wrenchForce: Vector3
    public var wrenchTorque: Vector3
    /// The tool's position, cm, and the normal it presses along.
    public var position: Vector3
    public var normal: Vector3
    /// Apparent stiffness under the tool, N/cm (0 when not touching).
    public var stiffness: Double

    public init(
        sequence: UInt64, time: Int64, status: RobotLinkStatus, faultCode: UInt32 = 0, force: Double,
        wrenchForce: Vector3 = Vector3(x: 0, y: 0, z: 0), wrenchTorque: Vector3 = Vector3(x: 0, y: 0, z: 0),
        position: Vector3, normal: Vector3, stiffness: Double
    ) {
        self.sequence = sequence
        self.time = time
        self.status = status
        self.faultCode = faultCode
        self.force = force
        self.wrenchForce = wrenchForce
        self.wrenchTorque = wrenchTorque
        self.position = position
        self.normal = normal
        self.stiffness = stiffness
    }
}

/// The robot's status in a report.
public enum RobotLinkStatus: UInt8, Sendable, Hashable {
    /// Following commands.
    case ready = 0
    /// Lifted and holding: no valid command within its watchdog, or a goodbye. It takes contact
    /// again only after a command without contact.
    case holding = 1
    /// A fault of the arm's own (``RobotReport/faultCode``).
    case fault = 2
}
