import Crypto
import Foundation
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotSimulation
import UnknotStudioLink

@testable import UnknotServer
@testable import UnknotStation

/// A record goes from the station's disk to the studio whole, whatever the link does to it:
/// chunks lost, sent twice, out of order, the link dropped and the studio's spool lost with a
/// restart. And a station that crashed says so when it starts again.
@Suite("Station link: records delivered whole")
struct RecordDeliveryTests {
    static func assignment(_ session: UUID = UUID(), booking: UUID? = UUID()) -> SessionAssignment {
        SessionAssignment(
            session: session, booking: booking, clientName: "Cleo", programID: "total-back", minutes: 30,
            carePlan: CarePlan(), date: CalendarDate(year: 2026, month: 11, day: 23) ?? .today(),
            staffMayBeAlerted: false)
    }

    static func sha(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("unknot-delivery-\(UUID())")
    }

    @Test(
        "over a link that loses, repeats and reorders chunks and drops twice, the studio gets every byte once",
        arguments: 1...24)
    func lossyDelivery(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        let stationFolder = Self.folder()
        defer { try? FileManager.default.removeItem(at: stationFolder) }
        var shipper = try RecordShipper(directory: stationFolder)
        let assignment = Self.assignment()
        try shipper.begin(assignment)
        // A record of 300 kB to 1 MB: several chunks.
        let size = Int.random(in: 300_000...1_000_000, using: &random)
        let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
        try bytes.write(to: URL(fileURLWithPath: shipper.recordPath(assignment.session)))
        shipper.finish(assignment.session)

        var inbox = RecordInbox(directory: Self.folder())
        var stored: Data?
        var drops = 0
        for round in 0..<400 where stored == nil {
            // A new link: the studio says what it holds (nothing after a restart).
            if round == 0 || (drops < 2 && Int.random(in: 0..<25, using: &random) == 0) {
                if round > 0 {
                    drops += 1
                    if drops == 2 { inbox = RecordInbox(directory: Self.folder()) }
                }
                let offset = await inbox.offset(of: assignment.session, station: 1)
                shipper.welcomed([RecordAck(session: assignment.session, offset: offset, complete: false)])
            }
            var chunks = shipper.chunks(limit: 4)
            chunks.shuffle(using: &random)
            for message in chunks {
                guard case .record(let chunk) = message else { continue }
                if Int.random(in: 0..<10, using: &random) == 0 { continue }  // lost
                let copies = Int.random(in: 0..<8, using: &random) == 0 ? 2 : 1
                for _ in 0..<copies {
                    switch await inbox.receive(chunk, from: 1) {
                    case .holding(let offset):
                        shipper.acknowledged(RecordAck(session: chunk.session, offset: offset, complete: false))
                    case .corrupt:
                        shipper.acknowledged(RecordAck(session: chunk.session, offset: 0, complete: false))
                    case .whole(let data):
                        stored = data
                        shipper.acknowledged(RecordAck(session: chunk.session, offset: data.count, complete: true))
                    }
                }
            }
            if chunks.isEmpty {
                // Nothing more to send: what was lost is asked for again from the studio's offset.
                let offset = await inbox.offset(of: assignment.session, station: 1)
                shipper.welcomed([RecordAck(session: assignment.session, offset: offset, complete: false)])
            }
        }
        // Compared as a Bool: on a mismatch Swift Testing would diff two records' bytes, which takes
        // longer than the whole suite (a failure seen under load ran for ten minutes).
        let same = stored.map { $0 == bytes } ?? false
        #expect(same, "seed \(seed): the studio holds \(stored?.count ?? 0) of \(bytes.count) bytes")
        // Acknowledged whole: the station let its copy go.
        #expect(shipper.heldRecords.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: shipper.recordPath(assignment.session)))
    }

    @Test("two studio instances in one process keep their own spools; a spool lost mid-record is asked for again")
    func ownSpools() async throws {
        // Before: both instances spooled in one folder named by the process, and the second to
        // start emptied it, so the first never completed a record in flight.
        #expect(RecordInbox.ownDirectory() != RecordInbox.ownDirectory())
        let directory = Self.folder()
        let inbox = RecordInbox(directory: directory)
        let session = UUID()
        let first = Data(repeating: 7, count: 100)
        let rest = Data(repeating: 9, count: 50)
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 0, data: first, final: false), from: 1)
                == .holding(offset: 100))
        try FileManager.default.removeItem(at: directory.appendingPathComponent(session.uuidString))
        // The next chunk cannot be kept on nothing: the station is asked for everything.
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 100, data: rest, final: false), from: 1)
                == .holding(offset: 0))
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 0, data: first + rest, final: false), from: 1)
                == .holding(offset: 150))
        let whole = await inbox.receive(
            RecordChunk(
                session: session, booking: nil, offset: 150, data: Data(), final: true, sha256: Self.sha(first + rest)),
            from: 1)
        #expect(whole == .whole(first + rest))
    }

    @Test("no studio leaves its inbox folder behind: closed on shutdown, swept when its process is gone")
    func foldersGo() async throws {
        let parent = Self.folder()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        // A process that has ended: its pid names a folder nobody will remove.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = parent.appendingPathComponent("\(RecordInbox.folderPrefix)\(ended.processIdentifier)-0a1b2c3d")
        let mine = RecordInbox.ownDirectory(in: parent)
        let other = parent.appendingPathComponent("\(RecordInbox.folderPrefix)notapid")
        for folder in [abandoned, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let inbox = RecordInbox(directory: mine)
        #expect(RecordInbox.sweepAbandoned(in: parent) == 1)
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: mine.path), "a running studio's folder is kept")
        #expect(FileManager.default.fileExists(atPath: other.path), "what is not an inbox of a process is left alone")
        _ = await inbox.receive(
            RecordChunk(session: UUID(), booking: nil, offset: 0, data: Data(repeating: 1, count: 10), final: false),
            from: 1)
        await inbox.close()
        #expect(!FileManager.default.fileExists(atPath: mine.path))
    }

    @Test("a record is taken only from the station that began it, and a wrong checksum is refused")
    func inboxRefuses() async throws {
        let inbox = RecordInbox(directory: Self.folder())
        let session = UUID()
        let data = Data("{\"line\":1}\n".utf8)
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 0, data: data, final: false), from: 1)
                == .holding(offset: data.count))
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 0, data: data, final: false), from: 2)
                == .holding(offset: 0))
        // A chunk past the end is not kept.
        #expect(
            await inbox.receive(
                RecordChunk(session: session, booking: nil, offset: 999, data: data, final: false), from: 1)
                == .holding(offset: data.count))
        let wrong = RecordChunk(
            session: session, booking: nil, offset: data.count, data: Data(), final: true, sha256: "00")
        #expect(await inbox.receive(wrong, from: 1) == .corrupt)
        #expect(await inbox.offset(of: session, station: 1) == 0)
    }

    @Test(
        "a station that crashed mid-session reports it interrupted when it starts again, and still delivers its record")
    func interruptedOnRestart() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = try ProgramCatalog.bundled()
        let assignment = Self.assignment()
        do {
            let runtime = try StationRuntime<SimulatedStation>(
                name: "test", directory: folder, software: "test", plan: DemoStation.planner(catalog: catalog))
            await runtime.received(.run(assignment))
            await runtime.received(.consoles(ConsolePresence(session: assignment.session, connected: 1)))
            for _ in 0..<50 { await runtime.advance(milliseconds: 100) }
            #expect(await runtime.running == assignment)
            // The process dies here: nothing more is written, nothing finished.
        }
        let restarted = try StationRuntime<SimulatedStation>(
            name: "test", directory: folder, software: "test", plan: DemoStation.planner(catalog: catalog))
        let hello = await restarted.hello()
        #expect(hello.running == nil)
        #expect(
            hello.held.count == 1 && hello.held.first?.session == assignment.session
                && hello.held.first?.finished == true)
        #expect((hello.held.first?.bytes ?? 0) > 1_000)
        let outgoing = await restarted.takeOutgoing()
        #expect(outgoing.contains(.ended(SessionEnded(session: assignment.session, outcome: .interrupted))))
        // Once linked, it sends the record as it is, ending with its checksum.
        await restarted.linkChanged(.connected(StudioWelcome(station: 1, stationName: "Table 1", acknowledged: [])))
        await restarted.received(.welcome(StudioWelcome(station: 1, stationName: "Table 1", acknowledged: [])))
        var final = false
        for _ in 0..<50 where !final {
            final = await restarted.takeOutgoing().contains {
                if case .record(let chunk) = $0 { chunk.final && chunk.booking == assignment.booking } else { false }
            }
        }
        #expect(final)
    }
}

/// SplitMix64: the same seed, the same bytes and choices.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
