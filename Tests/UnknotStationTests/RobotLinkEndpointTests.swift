import PropertyBased
import Testing
import UnknotCore
import UnknotSession

@testable import UnknotRobotLink
@testable import UnknotStation

/// The robot's end of the link on a virtual clock: the watchdog, the order of commands, one
/// station at a time.
@Suite struct RobotLinkEndpointTests {
    static let arm = FirstOrderArm()

    /// Feeds `message` to `endpoint` at `now` µs.
    static func feed(_ endpoint: inout RobotLinkEndpoint, _ message: RobotLinkMessage, at now: Int64)
        -> RobotLinkEndpoint.Answer
    {
        let bytes = RobotLinkWireTests.bytes(of: message)
        return bytes.withUnsafeBytes { endpoint.receive($0, at: now) }
    }

    static func command(_ sequence: UInt64, contact: Bool, force: Double = 20) -> RobotLinkMessage {
        .command(
            RobotCommand(
                sequence: sequence, time: Int64(sequence) * 1_000, contact: contact,
                position: Vector3(x: 4, y: 40, z: 11), normal: Vector3(x: 0, y: 0, z: 1), force: contact ? force : 0,
                speed: 5))
    }

    static func connected(at now: Int64 = 0) -> RobotLinkEndpoint {
        var endpoint = RobotLinkEndpoint(identity: arm.identity)
        _ = feed(&endpoint, .hello(RobotLinkHello(nonce: 1, mode: .realTime, station: "s")), at: now)
        return endpoint
    }

    @Test("An arm serving lockstep only refuses a real-time hello, naming the mode, and takes a lockstep one")
    func lockstepOnly() {
        var endpoint = RobotLinkEndpoint(identity: Self.arm.identity)
        endpoint.modes = [.lockstep]
        let refused = Self.feed(&endpoint, .hello(RobotLinkHello(nonce: 1, mode: .realTime, station: "s")), at: 0)
        guard case .reply(.refusal(let refusal)) = refused else {
            Issue.record("a real-time hello to a lockstep-only arm: \(refused)")
            return
        }
        #expect(refusal.reason == .modeNotSupported && refusal.text.contains("lockstep"))
        #expect(endpoint.station == nil)
        let welcomed = Self.feed(&endpoint, .hello(RobotLinkHello(nonce: 2, mode: .lockstep, station: "s")), at: 0)
        guard case .connected = welcomed else {
            Issue.record("a lockstep hello: \(welcomed)")
            return
        }
        #expect(endpoint.station == 2 && endpoint.mode == .lockstep)
    }

    @Test("No contact before the station has sent a command without contact")
    func armsOnlyAfterALift() {
        var endpoint = Self.connected()
        _ = Self.feed(&endpoint, Self.command(1, contact: true), at: 1_000)
        #expect(!endpoint.demand.contact && endpoint.demand.force == 0)
        _ = Self.feed(&endpoint, Self.command(2, contact: false), at: 2_000)
        _ = Self.feed(&endpoint, Self.command(3, contact: true), at: 3_000)
        #expect(endpoint.demand.contact && endpoint.demand.force == 20)
    }

    @Test("The arm lifts and holds once 20 ms have passed without a valid command, and not before")
    func watchdog() {
        var endpoint = Self.connected()
        _ = Self.feed(&endpoint, Self.command(1, contact: false), at: 1_000)
        _ = Self.feed(&endpoint, Self.command(2, contact: true), at: 2_000)
        for now in stride(from: Int64(2_000), through: 21_999, by: 100) {
            endpoint.watch(at: now)
            #expect(!endpoint.holding, "held at \(now) µs")
        }
        endpoint.watch(at: 22_000)
        #expect(endpoint.holding && !endpoint.demand.contact && endpoint.demand.force == 0)
        var arm = Self.arm
        let report = endpoint.report(arm.step(following: endpoint.demand), at: 22_000)
        guard case .report(let got) = report else { return }
        #expect(got.status == .holding)
        // Contact commands after the hold are followed lifted until one without contact.
        _ = Self.feed(&endpoint, Self.command(3, contact: true), at: 30_000)
        #expect(endpoint.holding && !endpoint.demand.contact)
        _ = Self.feed(&endpoint, Self.command(4, contact: false), at: 31_000)
        _ = Self.feed(&endpoint, Self.command(5, contact: true), at: 32_000)
        #expect(!endpoint.holding && endpoint.demand.contact)
    }

    @Test("Between the handshake and the first command the arm waits lifted, not holding, however long")
    func quietBeforeTheFirstCommand() {
        var endpoint = Self.connected()
        for now in stride(from: Int64(0), through: 5_000_000, by: 1_000) { endpoint.watch(at: now) }
        #expect(!endpoint.holding && !endpoint.demand.contact && endpoint.watchdogHolds == 0)
        _ = Self.feed(&endpoint, Self.command(1, contact: false), at: 5_000_000)
        endpoint.watch(at: 5_020_000)
        #expect(endpoint.holding)
    }

    @Test("Invalid datagrams do not feed the watchdog")
    func garbageIsNotACommand() {
        var endpoint = Self.connected()
        _ = Self.feed(&endpoint, Self.command(1, contact: false), at: 1_000)
        var garbage = RobotLinkWireTests.bytes(of: Self.command(2, contact: true))
        garbage[56] = 0xFF
        garbage[63] = 0x7F  // the normal's x becomes a NaN
        for now in stride(from: Int64(2_000), through: 40_000, by: 1_000) {
            _ = garbage.withUnsafeBytes { endpoint.receive($0, at: now) }
            endpoint.watch(at: now)
        }
        #expect(endpoint.holding && endpoint.invalid == 39)
    }

    @Test("Duplicated and late commands change nothing, in any order they arrive")
    func orderOfCommands() async {
        await propertyCheck(count: 50, input: Gen.uint64().withoutShrink()) { seed in
            var generator = SeededGenerator(seed: seed)
            var endpoint = Self.connected()
            _ = Self.feed(&endpoint, Self.command(1, contact: false), at: 500)
            var sequences = Array(UInt64(2)...40) + Array(UInt64(2)...40).filter { _ in Bool.random(using: &generator) }
            sequences.shuffle(using: &generator)
            var newest: UInt64 = 1
            for (i, sequence) in sequences.enumerated() {
                _ = Self.feed(
                    &endpoint, Self.command(sequence, contact: true, force: Double(sequence)), at: Int64(i + 1) * 1_000)
                newest = max(newest, sequence)
                #expect(endpoint.demand.sequence == newest && endpoint.demand.force == Double(newest))
            }
        }
    }

    @Test("A second station is refused while the first is live, and accepted once it falls silent")
    func oneStationAtATime() {
        var endpoint = Self.connected()
        _ = Self.feed(&endpoint, Self.command(1, contact: false), at: 1_000)
        let second = RobotLinkMessage.hello(RobotLinkHello(nonce: 2, mode: .realTime, station: "other"))
        guard case .reply(.refusal(let refusal)) = Self.feed(&endpoint, second, at: 5_000) else {
            Issue.record("the second station was not refused")
            return
        }
        #expect(refusal.reason == .busy && refusal.nonce == 2)
        guard case .connected(.welcome(let welcome)) = Self.feed(&endpoint, second, at: 30_000) else {
            Issue.record("the second station was not accepted after the first fell silent")
            return
        }
        #expect(welcome.nonce == 2 && endpoint.station == 2 && !endpoint.demand.contact)
    }

    @Test("A goodbye holds the arm; a fault reset asked for is passed on once")
    func goodbyeAndReset() {
        var endpoint = Self.connected()
        var lifted = RobotCommand(
            sequence: 1, time: 0, contact: false, position: Vector3(x: 0, y: 40, z: 11),
            normal: Vector3(x: 0, y: 0, z: 1), force: 0, speed: 0)
        lifted.resetFault = true
        _ = Self.feed(&endpoint, .command(lifted), at: 1_000)
        #expect(endpoint.takeFaultReset() && !endpoint.takeFaultReset())
        _ = Self.feed(&endpoint, Self.command(2, contact: true), at: 2_000)
        #expect(endpoint.demand.contact)
        #expect(Self.feed(&endpoint, .goodbye(nonce: 1), at: 3_000) == .disconnected)
        #expect(endpoint.holding && !endpoint.demand.contact && endpoint.station == nil)
    }
}
