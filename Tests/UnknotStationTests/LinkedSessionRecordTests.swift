import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotStudioLink
import UnknotTesting

@testable import UnknotStation

/// The record of a session that runs itself (an arm's loop), as the station's runtime keeps it:
/// written out at every 10 ms take, synced to the disk once per 100 ms of session time.
@Suite("A loop session's record on the station's disk")
struct LinkedSessionRecordTests {
    /// A session that runs itself, its clock moved by the test; one state line per take.
    final class ClockedStation: RunningStation, @unchecked Sendable {
        let plan: SessionPlan
        let carePlan = CarePlan()
        let robotIdentity = RobotIdentity(
            model: "clocked", serial: "C-1", simulated: true, maximumForce: 60, maximumSpeed: 25,
            watchdogMilliseconds: 20)
        var simulationSeed: UInt64? { nil }
        var now = 0
        private var taken = -1
        var view: EngineView {
            var view = EngineView()
            view.now = now
            view.state = .working
            return view
        }
        var isFinished: Bool { false }
        var hasStopped: Bool { false }
        var summary: SessionSummary? { nil }
        var pendingEventCount: Int { taken < now ? 1 : 0 }
        var breathsPerMinute: Double { 0 }
        var runsItself: Bool { true }

        init() throws {
            plan = try SessionPlanner().plan(Fixtures.request("total-back", minutes: 30, carePlan: CarePlan()))
        }

        func step() -> Bool { false }
        func takeEvents(into buffer: inout [TimedEvent]) {
            guard taken < now else { return }
            taken = now
            buffer.append(TimedEvent(t: now, .stateChanged(.working)))
        }
        func post(_ command: StationCommand) {}
        func shutDown() {}
    }

    @Test("every take is written out at once; the disk is synced every 100 ms of session time, not every take")
    func syncedEveryHundredMilliseconds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-linked-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let station = try ClockedStation()
        let path = folder.appendingPathComponent("record.jsonl").path
        let writer = try SessionRecordWriter(
            path: path,
            header: SessionRecordHeader(
                plan: station.plan, carePlan: station.carePlan, startedAt: 0, client: "client",
                robot: station.robotIdentity),
            syncToDisk: true)
        let assignment = SessionAssignment(
            session: UUID(), booking: nil, clientName: "Cleo", programID: "total-back", minutes: 30,
            carePlan: CarePlan(), date: Fixtures.day, staffMayBeAlerted: false)
        var linked = LinkedSession(assignment: assignment, station: station, record: writer, speedUp: 1)
        let syncsAtStart = writer.diskSyncs
        var outbox: [StationMessage] = []
        for take in 1...100 {
            station.now = take * 10
            _ = linked.advance(milliseconds: 10, into: &outbox)
            // What a SIGKILL now would leave: every take so far is in the file.
            let kept = try SessionRecord.read(from: path)
            #expect(kept.events.last?.t == take * 10, "take \(take): the file ends at \(kept.events.last?.t ?? -1)")
        }
        let syncs = writer.diskSyncs - syncsAtStart
        #expect((9...11).contains(syncs), "1 s of session time in 100 takes synced \(syncs) times (every 100 ms: 10)")
    }
}
