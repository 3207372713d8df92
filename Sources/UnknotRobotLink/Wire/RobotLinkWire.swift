import UnknotCore

/// The robot link's bytes: every datagram opens with an 8-byte header (magic `UKRL`, version
/// as little-endian UInt16, kind, a reserved zero byte), then its kind's fixed fields, little
/// endian, SI units (metres, newtons, m/s, N/m). See `docs/robot-link.md` for the layout.
///
/// Guarantees: ``encode(_:into:)`` and ``decode(_:)`` of a command or a report allocate nothing;
/// ``decode(_:)`` of any bytes either returns a message whose numbers are finite and in range or
/// throws a ``RobotLinkError`` — it never traps.
public enum RobotLinkWire {
    public static let version: UInt16 = 1
    static let magic: (UInt8, UInt8, UInt8, UInt8) = (0x55, 0x4B, 0x52, 0x4C)  // "UKRL"
    static let headerSize = 8
    /// The largest datagram of this version; a buffer this size holds any message.
    public static let maximumSize = 160

    enum Kind: UInt8 {
        case hello = 1, welcome = 2, refusal = 3, command = 4, report = 5, goodbye = 6, reachQuery = 7
        case reachAnswer = 8

        var size: Int {
            switch self {
            case .hello: 8 + 8 + 8 + 32
            case .welcome: 8 + 8 + 32 + 32 + 8 + 16
            case .refusal: 8 + 8 + 8 + 96
            case .command: 8 + 16 + 8 + 48 + 16
            case .report: 8 + 16 + 8 + 8 + 48 + 48 + 8
            case .goodbye: 8 + 8
            case .reachQuery: 8 + 8 + 48
            case .reachAnswer: 8 + 8 + 8 + 8
            }
        }
    }

    /// Writes `message` at the start of `buffer` (at least ``maximumSize`` bytes) and returns its
    /// length.
    public static func encode(_ message: RobotLinkMessage, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var out = WireWriter(buffer)
        func header(_ kind: Kind) {
            out.put(magic.0)
            out.put(magic.1)
            out.put(magic.2)
            out.put(magic.3)
            out.put(version)
            out.put(kind.rawValue)
            out.put(UInt8(0))
        }
        switch message {
        case .hello(let hello):
            header(.hello)
            out.put(hello.nonce)
            out.put(hello.mode.rawValue)
            out.skip(7)
            out.put(hello.station, width: 32)
        case .welcome(let welcome):
            header(.welcome)
            out.put(welcome.nonce)
            out.put(welcome.identity.model, width: 32)
            out.put(welcome.identity.serial, width: 32)
            out.put(UInt8(welcome.identity.simulated ? 1 : 0))
            out.put(welcome.mode.rawValue)
            out.put(UInt16(clamping: welcome.identity.watchdogMilliseconds))
            out.skip(4)
            out.put(welcome.identity.maximumForce)
            out.put(welcome.identity.maximumSpeed / 100)
        case .refusal(let refusal):
            header(.refusal)
            out.put(refusal.nonce)
            out.put(refusal.reason.rawValue)
            out.skip(6)
            out.put(refusal.text, width: 96)
        case .command(let command):
            header(.command)
            out.put(command.sequence)
            out.put(command.time)
            out.put(UInt8((command.contact ? 1 : 0) | (command.resetFault ? 2 : 0)))
            out.put(code(command.annotation.face))
            out.put(code(command.annotation.technique))
            out.put(UInt8(0))
            out.put(code(command.annotation.part))
            out.skip(2)
            out.put(command.position, scale: 0.01)
            out.put(command.normal)
            out.put(command.force)
            out.put(command.speed / 100)
        case .report(let report):
            header(.report)
            out.put(report.sequence)
            out.put(report.time)
            out.put(report.status.rawValue)
            out.skip(3)
            out.put(report.faultCode)
            out.put(report.force)
            out.put(report.wrenchForce)
            out.put(report.wrenchTorque)
            out.put(report.position, scale: 0.01)
            out.put(report.normal)
            out.put(report.stiffness * 100)
        case .goodbye(let nonce):
            header(.goodbye)
            out.put(nonce)
        case .reachQuery(let query):
            header(.reachQuery)
            out.put(query.check)
            out.put(query.index)
            out.put(query.position, scale: 0.01)
            out.put(query.normal)
        case .reachAnswer(let answer):
            header(.reachAnswer)
            out.put(answer.check)
            out.put(answer.index)
            let (code, joint, figure) = verdictFields(answer.verdict)
            out.put(code)
            out.put(joint)
            out.skip(6)
            out.put(figure)
        }
        return out.offset
    }

    /// Reads one datagram.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(RobotLinkError) -> RobotLinkMessage {
        guard bytes.count >= headerSize else { throw .truncated(size: bytes.count) }
        guard bytes[0] == magic.0, bytes[1] == magic.1, bytes[2] == magic.2, bytes[3] == magic.3 else {
            throw .notRobotLink
        }
        var input = WireReader(bytes)
        try input.skip(4)
        let version = try input.take(UInt16.self)
        guard version == Self.version else { throw .unsupportedVersion(Int(version)) }
        let rawKind = try input.take(UInt8.self)
        guard let kind = Kind(rawValue: rawKind) else { throw .unknownKind(Int(rawKind)) }
        try input.skip(1)
        guard bytes.count >= kind.size else { throw .truncated(size: bytes.count) }
        guard bytes.count == kind.size else { throw .oversized(size: bytes.count) }
        switch kind {
        case .hello:
            let nonce = try input.take(UInt64.self)
            guard let mode = RobotLinkMode(rawValue: try input.take(UInt8.self)) else { throw .outOfRange(.mode) }
            try input.skip(7)
            return .hello(RobotLinkHello(nonce: nonce, mode: mode, station: try input.takeText(width: 32)))
        case .welcome:
            let nonce = try input.take(UInt64.self)
            let model = try input.takeText(width: 32)
            let serial = try input.takeText(width: 32)
            let simulated = try input.take(UInt8.self)
            guard simulated <= 1 else { throw .outOfRange(.flags) }
            guard let mode = RobotLinkMode(rawValue: try input.take(UInt8.self)) else { throw .outOfRange(.mode) }
            let watchdog = Int(try input.take(UInt16.self))
            guard watchdog >= 1 else { throw .outOfRange(.watchdog) }
            try input.skip(4)
            let force = try input.takeFinite(.limits)
            let speed = try input.takeFinite(.limits) * 100
            guard force > 0, speed > 0 else { throw .outOfRange(.limits) }
            let identity = RobotIdentity(
                model: model, serial: serial, simulated: simulated == 1, maximumForce: force, maximumSpeed: speed,
                watchdogMilliseconds: watchdog)
            return .welcome(RobotLinkWelcome(nonce: nonce, identity: identity, mode: mode))
        case .refusal:
            let nonce = try input.take(UInt64.self)
            let reason = RobotLinkRefusal.Reason(rawValue: try input.take(UInt16.self)) ?? .other
            try input.skip(6)
            return .refusal(RobotLinkRefusal(nonce: nonce, reason: reason, text: try input.takeText(width: 96)))
        case .command:
            return .command(try command(&input))
        case .report:
            return .report(try report(&input))
        case .goodbye:
            return .goodbye(nonce: try input.take(UInt64.self))
        case .reachQuery:
            let check = try input.take(UInt32.self)
            let index = try input.take(UInt32.self)
            let position = try input.takeVector(.position, scale: 100)
            let normal = try input.takeVector(.normal)
            guard abs(normal.length - 1) < 0.01 else { throw .outOfRange(.normal) }
            return .reachQuery(ReachQuery(check: check, index: index, position: position, normal: normal))
        case .reachAnswer:
            let check = try input.take(UInt32.self)
            let index = try input.take(UInt32.self)
            let code = try input.take(UInt8.self)
            let joint = try input.take(UInt8.self)
            try input.skip(6)
            let figure = try input.takeFinite(.verdict)
            return .reachAnswer(
                ReachAnswer(check: check, index: index, verdict: try verdict(code: code, joint: joint, figure: figure)))
        }
    }

    /// A verdict's code (0 reachable, 1 out of reach, 2 joint limit, 3 singular, 255 unchecked), its
    /// joint, and its figure (manipulability; how far short, m).
    private static func verdictFields(_ verdict: ReachVerdict) -> (UInt8, UInt8, Double) {
        switch verdict {
        case .reachable(let w): (0, 0, w)
        case .outOfReach(let short): (1, 0, short / 100)
        case .jointLimit(let joint): (2, UInt8(clamping: joint), 0)
        case .singular(let w): (3, 0, w)
        case .unchecked: (255, 0, 0)
        }
    }

    private static func verdict(code: UInt8, joint: UInt8, figure: Double) throws(RobotLinkError) -> ReachVerdict {
        switch code {
        case 0 where figure >= 0: return .reachable(manipulability: figure)
        case 1 where figure >= 0: return .outOfReach(shortBy: figure * 100)
        case 2 where joint < 16: return .jointLimit(joint: Int(joint))
        case 3 where figure >= 0: return .singular(manipulability: figure)
        case 255: return .unchecked
        default: throw .outOfRange(.verdict)
        }
    }

    private static func command(_ input: inout WireReader) throws(RobotLinkError) -> RobotCommand {
        let sequence = try input.take(UInt64.self)
        let time = try input.take(Int64.self)
        let flags = try input.take(UInt8.self)
        guard flags <= 3 else { throw .outOfRange(.flags) }
        let face = try input.take(UInt8.self)
        let technique = try input.take(UInt8.self)
        try input.skip(1)
        let part = try input.take(UInt16.self)
        try input.skip(2)
        let annotation = ContactAnnotation(
            face: try decoded(face, Tables.faces), part: try decodedPart(part),
            technique: try decoded(technique, Tables.techniques))
        let position = try input.takeVector(.position, scale: 100)
        let normal = try input.takeVector(.normal)
        guard abs(normal.length - 1) < 0.01 else { throw .outOfRange(.normal) }
        let force = try input.takeFinite(.force)
        guard force >= 0 else { throw .outOfRange(.force) }
        let speed = try input.takeFinite(.speed) * 100
        guard speed >= 0 else { throw .outOfRange(.speed) }
        return RobotCommand(
            sequence: sequence, time: time, contact: flags & 1 == 1, position: position, normal: normal, force: force,
            speed: speed, annotation: annotation, resetFault: flags & 2 == 2)
    }

    private static func report(_ input: inout WireReader) throws(RobotLinkError) -> RobotReport {
        let sequence = try input.take(UInt64.self)
        let time = try input.take(Int64.self)
        guard let status = RobotLinkStatus(rawValue: try input.take(UInt8.self)) else { throw .outOfRange(.status) }
        try input.skip(3)
        let faultCode = try input.take(UInt32.self)
        let force = try input.takeFinite(.force)
        let wrenchForce = try input.takeVector(.wrench)
        let wrenchTorque = try input.takeVector(.wrench)
        let position = try input.takeVector(.position, scale: 100)
        let normal = try input.takeVector(.normal)
        let stiffness = try input.takeFinite(.stiffness) / 100
        guard stiffness >= 0 else { throw .outOfRange(.stiffness) }
        return RobotReport(
            sequence: sequence, time: time, status: status, faultCode: faultCode, force: force,
            wrenchForce: wrenchForce, wrenchTorque: wrenchTorque, position: position, normal: normal,
            stiffness: stiffness)
    }
}
