import Foundation
import Testing
import UnknotCore
import UnknotStudioLink

/// The studio link's frames: every message survives the trip as JSON, and a frame that cannot be
/// read says which field is wrong.
@Suite("Studio link: frames")
struct StudioLinkProtocolTests {
    static let session = UUID()

    static let stationMessages: [StationMessage] = [
        .hello(
            StationHello(
                software: "unknot 0.2", simulated: true, seed: 9, running: nil,
                held: [HeldRecord(session: session, bytes: 10, finished: false)])),
        .report(StationReport(robot: "ready", latenessMicroseconds: [1, 2, 3])),
        .say(SessionMessage(session: session, message: ConsoleSaid(t: 5, text: "Easing off."))),
        .pressure(SessionPressure(session: session, pressure: ConsolePressure(part: "UB", level: 4))),
        .alert(StaffAlert(session: session, t: 9, text: "asked for a person")),
        .record(
            RecordChunk(
                session: session, booking: UUID(), offset: 64, data: Data([0, 1, 255]), final: true, sha256: "ab")),
        .ended(SessionEnded(session: session, outcome: .interrupted)),
        .refused(SessionRefusal(session: session, reason: "busy")),
    ]

    static let studioMessages: [StudioMessage] = [
        .welcome(
            StudioWelcome(
                station: 1, stationName: "Table 1",
                acknowledged: [RecordAck(session: session, offset: 3, complete: false)])),
        .run(
            SessionAssignment(
                session: session, booking: nil, clientName: "Cleo", programID: "express", minutes: 15,
                carePlan: CarePlan(), date: CalendarDate(year: 2026, month: 12, day: 3) ?? .today(),
                staffMayBeAlerted: true)),
        .control(SessionControl(session: session, control: .thatHurts(rating: 6))),
        .consoles(ConsolePresence(session: session, connected: 2)),
        .staff(StaffOrder(session: nil, command: .emergencyStop)),
        .recordAck(RecordAck(session: session, offset: 99, complete: true)),
    ]

    @Test("every message reads back as it was written")
    func roundTrip() throws {
        for message in Self.stationMessages {
            #expect(
                try StudioLinkProtocol.read(StationMessage.self, from: StudioLinkProtocol.frame(message)) == message)
        }
        for message in Self.studioMessages {
            #expect(try StudioLinkProtocol.read(StudioMessage.self, from: StudioLinkProtocol.frame(message)) == message)
        }
        #expect(
            StudioLinkProtocol.frame(StudioMessage.staff(StaffOrder(session: nil, command: .emergencyStop)))
                == #"{"command":"emergency-stop","type":"staff"}"#)
    }

    @Test("a frame that cannot be read names its wrong field")
    func namedErrors() {
        let cases: [(String, String)] = [
            (#"{"robot":"ready"}"#, "type"),
            (#"{"type":"launch"}"#, "type"),
            (#"{"type":"report"}"#, "robot"),
            (#"{"type":"report","robot":7}"#, "robot"),
            (#"{"type":"record","session":"x","offset":0,"data":"","final":true}"#, "session"),
            (
                #"{"type":"hello","protocolVersion":1,"software":"s","simulated":true,"held":[{"session":"\#(Self.session)"}]}"#,
                "held[0].bytes"
            ),
            ("[", "frame"),
        ]
        for (text, field) in cases {
            #expect(throws: StudioLinkError.self, "\(text)") {
                try StudioLinkProtocol.read(StationMessage.self, from: text)
            }
            do {
                _ = try StudioLinkProtocol.read(StationMessage.self, from: text)
            } catch {
                #expect(error.field == field, "\(text): \(error)")
            }
        }
        let huge = String(repeating: " ", count: StudioLinkProtocol.maximumFrameBytes + 1)
        #expect(
            throws: StudioLinkError(
                field: "frame", "\(huge.utf8.count) bytes is more than \(StudioLinkProtocol.maximumFrameBytes)")
        ) {
            try StudioLinkProtocol.read(StationMessage.self, from: huge)
        }
    }
}
