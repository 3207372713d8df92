import Foundation
import UnknotCore

/// What a studio says to a station.
public enum StudioMessage: Sendable, Hashable, Codable {
    /// The answer to the station's hello: who it is to the studio, and how much of each held
    /// record the studio has.
    case welcome(StudioWelcome)
    /// Run this session.
    case run(SessionAssignment)
    /// A control a client pressed on a console the studio relays.
    case control(SessionControl)
    /// How many consoles the studio relays for a session (0: the station's own console rules).
    case consoles(ConsolePresence)
    /// What staff ordered.
    case staff(StaffOrder)
    /// The studio holds a session's record up to `offset`.
    case recordAck(RecordAck)

    static let names = ["welcome", "run", "control", "consoles", "staff", "recordAck"]

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .welcome(let payload): try TaggedMessage.encode("welcome", payload, to: encoder)
        case .run(let payload): try TaggedMessage.encode("run", payload, to: encoder)
        case .control(let payload): try TaggedMessage.encode("control", payload, to: encoder)
        case .consoles(let payload): try TaggedMessage.encode("consoles", payload, to: encoder)
        case .staff(let payload): try TaggedMessage.encode("staff", payload, to: encoder)
        case .recordAck(let payload): try TaggedMessage.encode("recordAck", payload, to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let name = try TaggedMessage.type(of: decoder)
        switch name {
        case "welcome": self = .welcome(try StudioWelcome(from: decoder))
        case "run": self = .run(try SessionAssignment(from: decoder))
        case "control": self = .control(try SessionControl(from: decoder))
        case "consoles": self = .consoles(try ConsolePresence(from: decoder))
        case "staff": self = .staff(try StaffOrder(from: decoder))
        case "recordAck": self = .recordAck(try RecordAck(from: decoder))
        default: throw TaggedMessage.unknown(name, expected: Self.names)
        }
    }
}

public struct StudioWelcome: Sendable, Hashable, Codable {
    public var protocolVersion: Int
    public var station: Int
    public var stationName: String
    /// For each record the station said it holds: the bytes the studio has.
    public var acknowledged: [RecordAck]

    public init(
        protocolVersion: Int = StudioLinkProtocol.version, station: Int, stationName: String,
        acknowledged: [RecordAck]
    ) {
        self.protocolVersion = protocolVersion
        self.station = station
        self.stationName = stationName
        self.acknowledged = acknowledged
    }
}

/// A session for a station to run: everything it needs to plan it, so the station never asks the
/// studio again while it runs.
public struct SessionAssignment: Sendable, Hashable, Codable {
    public var session: UUID
    /// The booking it belongs to; none for a demo.
    public var booking: UUID?
    public var clientName: String
    public var programID: String
    public var minutes: Int
    /// The care plan as pinned for the session (its version, when it has one).
    public var carePlan: CarePlan
    public var carePlanVersion: Int?
    /// The client's body measurements; none: the station's standard body.
    public var body: BodyMeasurements?
    public var date: CalendarDate
    /// Whether the client allowed staff to be alerted (CARE.md: nothing reaches staff otherwise).
    public var staffMayBeAlerted: Bool

    public var isDemo: Bool { booking == nil }

    public init(
        session: UUID, booking: UUID?, clientName: String, programID: String, minutes: Int, carePlan: CarePlan,
        carePlanVersion: Int? = nil, body: BodyMeasurements? = nil, date: CalendarDate, staffMayBeAlerted: Bool
    ) {
        self.session = session
        self.booking = booking
        self.clientName = clientName
        self.programID = programID
        self.minutes = minutes
        self.carePlan = carePlan
        self.carePlanVersion = carePlanVersion
        self.body = body
        self.date = date
        self.staffMayBeAlerted = staffMayBeAlerted
    }
}

public struct SessionControl: Sendable, Hashable, Codable {
    public var session: UUID
    public var control: ClientControl
    public init(session: UUID, control: ClientControl) {
        self.session = session
        self.control = control
    }
}

public struct ConsolePresence: Sendable, Hashable, Codable {
    public var session: UUID
    public var connected: Int
    public init(session: UUID, connected: Int) {
        self.session = session
        self.connected = connected
    }
}

/// What staff may order a station.
public enum StaffCommand: String, Sendable, Hashable, Codable {
    /// The supervisor lifts the arm and holds it until released.
    case emergencyStop = "emergency-stop"
    /// The stop is released; the client (or staff) resumes from the console.
    case release
    /// The session ends (the client left, or asked a person to end it).
    case end
}

public struct StaffOrder: Sendable, Hashable, Codable {
    public var session: UUID?
    public var command: StaffCommand
    public init(session: UUID?, command: StaffCommand) {
        self.session = session
        self.command = command
    }
}

public struct RecordAck: Sendable, Hashable, Codable {
    public var session: UUID
    /// The studio holds bytes `0 ..< offset`.
    public var offset: Int
    /// The studio holds the whole record, checked against its SHA-256: the station may delete it.
    public var complete: Bool
    public init(session: UUID, offset: Int, complete: Bool) {
        self.session = session
        self.offset = offset
        self.complete = complete
    }
}
