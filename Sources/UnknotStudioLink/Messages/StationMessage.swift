import Foundation
import UnknotCore
import UnknotSession

/// What a station says to its studio.
public enum StationMessage: Sendable, Hashable, Codable {
    /// The first frame: who the station is and what it holds.
    case hello(StationHello)
    /// The station's state, every ``StudioLinkProtocol/reportIntervalMilliseconds``.
    case report(StationReport)
    /// Something the station said to the client (relayed to their consoles at once).
    case say(SessionMessage)
    /// The most pressure felt on a part so far (relayed to consoles at once).
    case pressure(SessionPressure)
    /// An alert the client allowed staff to see.
    case alert(StaffAlert)
    /// Bytes of a session's record, in order; the last chunk is `final`.
    case record(RecordChunk)
    /// A session is over on the station (its record follows, or has gone).
    case ended(SessionEnded)
    /// The station refuses what the studio asked (a session it cannot plan, a station busy).
    case refused(SessionRefusal)

    static let names = ["hello", "report", "say", "pressure", "alert", "record", "ended", "refused"]

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .hello(let payload): try TaggedMessage.encode("hello", payload, to: encoder)
        case .report(let payload): try TaggedMessage.encode("report", payload, to: encoder)
        case .say(let payload): try TaggedMessage.encode("say", payload, to: encoder)
        case .pressure(let payload): try TaggedMessage.encode("pressure", payload, to: encoder)
        case .alert(let payload): try TaggedMessage.encode("alert", payload, to: encoder)
        case .record(let payload): try TaggedMessage.encode("record", payload, to: encoder)
        case .ended(let payload): try TaggedMessage.encode("ended", payload, to: encoder)
        case .refused(let payload): try TaggedMessage.encode("refused", payload, to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let name = try TaggedMessage.type(of: decoder)
        switch name {
        case "hello": self = .hello(try StationHello(from: decoder))
        case "report": self = .report(try StationReport(from: decoder))
        case "say": self = .say(try SessionMessage(from: decoder))
        case "pressure": self = .pressure(try SessionPressure(from: decoder))
        case "alert": self = .alert(try StaffAlert(from: decoder))
        case "record": self = .record(try RecordChunk(from: decoder))
        case "ended": self = .ended(try SessionEnded(from: decoder))
        case "refused": self = .refused(try SessionRefusal(from: decoder))
        default: throw TaggedMessage.unknown(name, expected: Self.names)
        }
    }
}

/// A station's first frame.
public struct StationHello: Sendable, Hashable, Codable {
    public var protocolVersion: Int
    /// The station program's version.
    public var software: String
    /// Whether the arm and body are simulated (then `seed` is the simulation's), not hardware.
    public var simulated: Bool
    public var seed: UInt64?
    /// The arm, as it said in its own handshake (none before it answered).
    public var robot: RobotIdentity?
    /// The session running now, if any (after the link dropped, or the studio restarted): the studio
    /// takes it up again from its assignment.
    public var running: SessionAssignment?
    /// Records the studio has not acknowledged in full.
    public var held: [HeldRecord]

    public init(
        protocolVersion: Int = StudioLinkProtocol.version, software: String, simulated: Bool, seed: UInt64? = nil,
        robot: RobotIdentity? = nil, running: SessionAssignment? = nil, held: [HeldRecord] = []
    ) {
        self.protocolVersion = protocolVersion
        self.software = software
        self.simulated = simulated
        self.seed = seed
        self.robot = robot
        self.running = running
        self.held = held
    }
}

/// A record the station keeps on its disk until the studio has all of it.
public struct HeldRecord: Sendable, Hashable, Codable {
    public var session: UUID
    /// Bytes written so far.
    public var bytes: Int
    /// Whether the session is over (no more bytes will come).
    public var finished: Bool
    /// The session's booking (none for a demo).
    public var booking: UUID?

    public init(session: UUID, bytes: Int, finished: Bool, booking: UUID? = nil) {
        self.session = session
        self.booking = booking
        self.bytes = bytes
        self.finished = finished
    }
}

/// The station's state, ten times a second.
public struct StationReport: Sendable, Hashable, Codable {
    /// The arm: `ready`, `holding`, `fault` or `absent` (not connected).
    public var robot: String
    /// The 1 kHz loop's tick lateness, microseconds (p50, p99, max), when it runs in real time.
    public var latenessMicroseconds: [Int]?
    /// The session running, if any.
    public var session: SessionReport?

    public init(robot: String, latenessMicroseconds: [Int]? = nil, session: SessionReport? = nil) {
        self.robot = robot
        self.latenessMicroseconds = latenessMicroseconds
        self.session = session
    }
}

/// A running session's state: what its consoles show, and what staff see.
public struct SessionReport: Sendable, Hashable, Codable {
    public var session: UUID
    public var console: ConsoleStatus
    /// Staff stopped the arm (an emergency stop holds).
    public var stopped: Bool

    public init(session: UUID, console: ConsoleStatus, stopped: Bool) {
        self.session = session
        self.console = console
        self.stopped = stopped
    }
}

public struct SessionMessage: Sendable, Hashable, Codable {
    public var session: UUID
    public var message: ConsoleSaid
    public init(session: UUID, message: ConsoleSaid) {
        self.session = session
        self.message = message
    }
}

public struct SessionPressure: Sendable, Hashable, Codable {
    public var session: UUID
    public var pressure: ConsolePressure
    public init(session: UUID, pressure: ConsolePressure) {
        self.session = session
        self.pressure = pressure
    }
}

/// An alert for staff (only those the client's care plan allows ever leave the station).
public struct StaffAlert: Sendable, Hashable, Codable {
    public var session: UUID
    /// Session time, ms.
    public var t: Int
    public var text: String
    /// What it is about (`client-asks-for-staff`, `persistent-pain`, `station-fault`); absent from
    /// stations older than this field, which the studio then reads from the text alone.
    public var kind: String?
    public init(session: UUID, t: Int, text: String, kind: String? = nil) {
        self.session = session
        self.t = t
        self.text = text
        self.kind = kind
    }
}

/// Bytes `offset ..< offset + data.count` of a session's record (JSON lines, as on the station's
/// disk). Sending a chunk twice is harmless: the studio keeps bytes by offset.
public struct RecordChunk: Sendable, Hashable, Codable {
    public var session: UUID
    /// The booking the session was for (none for a demo): the record is stored with it, even by a
    /// studio that did not start the session (it restarted, or the station linked to another).
    public var booking: UUID?
    public var offset: Int
    public var data: Data
    /// The last chunk: the record is `offset + data.count` bytes with this SHA-256 (hex).
    public var final: Bool
    public var sha256: String?

    public init(session: UUID, booking: UUID?, offset: Int, data: Data, final: Bool, sha256: String? = nil) {
        self.session = session
        self.booking = booking
        self.offset = offset
        self.data = data
        self.final = final
        self.sha256 = sha256
    }
}

/// How a session ended on the station.
public struct SessionEnded: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// It ran to its end, or the client or staff ended it.
        case finished
        /// The station stopped before its end (it crashed or was killed); found on restart.
        case interrupted
    }

    public var session: UUID
    public var outcome: Outcome

    public init(session: UUID, outcome: Outcome) {
        self.session = session
        self.outcome = outcome
    }
}

public struct SessionRefusal: Sendable, Hashable, Codable {
    public var session: UUID
    public var reason: String
    public init(session: UUID, reason: String) {
        self.session = session
        self.reason = reason
    }
}
