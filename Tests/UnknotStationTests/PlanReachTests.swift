import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotSession
import UnknotTesting

@testable import UnknotRobotLink
@testable import UnknotStation

/// Reach before a session (issue #19), the station's half: every point of every stroke asked of
/// the arm over the robot link; parts the arm cannot work left out and the session planned again
/// without them, with why; an arm that cannot tell leaves the plan as it was and says so.
@Suite struct PlanReachTests {
    /// An arm that cannot reach past 150 cm along the table, and is singular beyond 25 cm across.
    struct ShortArm: RobotArm {
        let identity = RobotIdentity(
            model: "short test arm", serial: "S-1", simulated: true, maximumForce: 60, maximumSpeed: 25,
            watchdogMilliseconds: 20)
        mutating func step(following command: RobotCommand) -> ArmReading {
            ArmReading(force: 0, position: command.position, normal: command.normal, stiffness: 0)
        }
        mutating func resetFault() {}
        static func verdict(_ p: Vector3) -> ReachVerdict {
            if p.y > 150 { return .outOfReach(shortBy: p.y - 150) }
            if abs(p.x) > 25 { return .singular(manipulability: 0.001) }
            return .reachable(manipulability: 0.05)
        }
        mutating func reach(_ position: Vector3, normal: Vector3) -> ReachVerdict { Self.verdict(position) }
    }

    /// The same verdict, its figure to a nanometre (the wire carries metres; the station, centimetres).
    static func same(_ a: ReachVerdict, _ b: ReachVerdict) -> Bool {
        switch (a, b) {
        case (.reachable(let x), .reachable(let y)), (.singular(let x), .singular(let y)),
            (.outOfReach(let x), .outOfReach(let y)):
            abs(x - y) < 1e-7
        default: a == b
        }
    }

    @Test("reach questions and answers keep every field on the wire; a verdict with no meaning is refused")
    func wire() throws {
        let query = ReachQuery(
            check: 7, index: 4_000_000, position: Vector3(x: 12.5, y: 160, z: 20), normal: Vector3(x: 0, y: 0, z: 1))
        guard case .reachQuery(let back) = try RobotLinkWireTests.roundTrip(.reachQuery(query)) else {
            Issue.record("a query came back as something else")
            return
        }
        #expect(back.check == 7 && back.index == 4_000_000 && back.normal == query.normal)
        #expect(abs(back.position.y - 160) < 1e-7 && abs(back.position.x - 12.5) < 1e-7)
        let verdicts: [ReachVerdict] = [
            .reachable(manipulability: 0.0625), .outOfReach(shortBy: 3.5), .jointLimit(joint: 5),
            .singular(manipulability: 0.001), .unchecked,
        ]
        for verdict in verdicts {
            let answer = ReachAnswer(check: 9, index: 3, verdict: verdict)
            guard case .reachAnswer(let back) = try RobotLinkWireTests.roundTrip(.reachAnswer(answer)) else {
                Issue.record("an answer came back as something else")
                return
            }
            #expect(back.check == 9 && back.index == 3 && Self.same(back.verdict, verdict), "\(back.verdict)")
        }
        var bytes = RobotLinkWireTests.bytes(of: .reachAnswer(ReachAnswer(check: 1, index: 1, verdict: .unchecked)))
        bytes[16] = 9
        #expect(throws: RobotLinkError.outOfRange(.verdict)) { try RobotLinkWireTests.decode(bytes) }
    }

    @Test("over loopback: every point answered in order by the arm's own reach; robot-sim's are unchecked")
    func overLoopback() throws {
        let (server, stop) = try RobotLinkLoopbackTests.serve(modes: [.lockstep])
        defer { stop() }
        let link = try RobotLinkLoopbackTests.hardware(port: server.socket.localPort, mode: .lockstep)
        #expect(throws: HardwareError.self) { try link.reach([]) }
        try link.configure()
        let up = Vector3(x: 0, y: 0, z: 1)
        #expect(try link.reach([(Vector3(x: 0, y: 200, z: 20), up)]) == [.unchecked])

        let short = try RobotLinkServer(
            listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0), arm: ShortArm(), modes: [.lockstep])
        let done = DispatchSemaphore(value: 0)
        Thread {
            short.run()
            done.signal()
        }.start()
        defer {
            short.stop()
            done.wait()
        }
        let other = try RobotLinkLoopbackTests.hardware(port: short.socket.localPort, mode: .lockstep)
        try other.configure()
        let points = (0..<500).map { i in (Vector3(x: Double(i % 60) - 30, y: Double(i) / 2.5, z: 20), up) }
        let verdicts = try other.reach(points)
        let wrong = zip(verdicts, points).filter { !Self.same($0.0, ShortArm.verdict($0.1.0)) }
        #expect(verdicts.count == points.count && wrong.isEmpty, "\(wrong.count) answers differ: \(wrong.prefix(3))")
        #expect(short.reachesAnswered >= 500 && short.steps == 0, "the arm moved while answering")
    }

    @Test("through a lossy link (10 % lost, duplicates, 5 ms jitter): every point answered, lost ones asked again")
    func lossyLink() throws {
        let server = try RobotLinkServer(
            listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0), arm: ShortArm(), modes: [.lockstep])
        let proxy = try LossyProxy(
            to: server.socket.localPort, seed: 19,
            impairment: LossyProxy.Impairment(loss: 0.1, jitterMicroseconds: 5_000, duplicates: 0.05))
        let done = DispatchSemaphore(value: 0)
        for body: @Sendable () -> Void in [{ server.run() }, { proxy.run() }] {
            Thread {
                body()
                done.signal()
            }.start()
        }
        defer {
            server.stop()
            proxy.stop()
            done.wait()
            done.wait()
        }
        let link = try RobotLinkLoopbackTests.hardware(port: proxy.port, mode: .lockstep)
        try link.configure()
        let up = Vector3(x: 0, y: 0, z: 1)
        let points = (0..<300).map { i in (Vector3(x: Double(i % 60) - 30, y: Double(i) / 1.5, z: 20), up) }
        let verdicts = try link.reach(points)
        let wrong = zip(verdicts, points).filter { !Self.same($0.0, ShortArm.verdict($0.1.0)) }
        #expect(verdicts.count == 300 && wrong.isEmpty, "\(wrong.count) answers differ")
        #expect(proxy.counts.dropped > 0, "nothing was lost: the test proved nothing")
    }

    @Test("Full Body on an arm that cannot reach the feet: the feet left out with why, the rest planned again")
    func feetLeftOut() throws {
        let request = Fixtures.request("full-body", minutes: 60, carePlan: Fixtures.everything)
        let frame = StationFrame(body: Fixtures.body)
        let reach = try PlanReach.check(request, frame: frame) { points in points.map { ShortArm.verdict($0.position) }
        }
        #expect(reach.checked && !reach.outOfReach.isEmpty)
        let left = Set(reach.outOfReach.keys.map(\.region))
        #expect(left.contains(.feet), "\(left)")
        for stroke in reach.plan.strokes {
            let command = frame.command(
                for: Setpoint(
                    contact: true, position: stroke.path[0], face: stroke.face, part: stroke.part,
                    technique: stroke.technique, normalForce: 1, speed: 1), sequence: 0, time: 0)
            #expect(ShortArm.verdict(command.position).allowsContact, "\(stroke.part.area) is still planned")
        }
        let feet = reach.plan.omissions.first { $0.area.region == .feet }
        #expect(feet?.reason.contains("beyond the arm's reach") == true, "\(reach.plan.omissions)")
        #expect(reach.plan.durationMilliseconds == 60 * 60_000, "the session keeps its length")
        // The record's header says what was left out, and why.
        let header = SessionRecordHeader(plan: reach.plan, carePlan: Fixtures.everything, startedAt: 0, client: "c")
        #expect(header.omissions.contains { $0.area.region == .feet && $0.reason.contains("reach") })
    }

    @Test("an arm that cannot tell leaves the plan as planned; one that reaches nothing refuses the session")
    func uncheckedAndNothing() throws {
        let request = Fixtures.request("total-back", minutes: 30)
        let frame = StationFrame(body: Fixtures.body)
        let planned = try SessionPlanner().plan(request)
        let unchecked = try PlanReach.check(request, frame: frame) { $0.map { _ in .unchecked } }
        #expect(!unchecked.checked && unchecked.plan == planned)
        #expect(throws: PlanningError.self) {
            _ = try PlanReach.check(request, frame: frame) { $0.map { _ in .outOfReach(shortBy: 40) } }
        }
    }
}
