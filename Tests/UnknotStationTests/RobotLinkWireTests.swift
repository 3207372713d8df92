import PropertyBased
import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

@testable import UnknotRobotLink
@testable import UnknotStation

/// The robot link's bytes: every message survives the wire, and no datagram, however made,
/// traps the decoder or yields a number that is not finite.
@Suite struct RobotLinkWireTests {
    static func roundTrip(_ message: RobotLinkMessage) throws -> RobotLinkMessage {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: RobotLinkWire.maximumSize, alignment: 8)
        defer { buffer.deallocate() }
        let count = RobotLinkWire.encode(message, into: buffer)
        return try RobotLinkWire.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    static func decode(_ bytes: [UInt8]) throws(RobotLinkError) -> RobotLinkMessage {
        do {
            return try bytes.withUnsafeBytes { raw in try RobotLinkWire.decode(raw) }
        } catch let error as RobotLinkError {
            throw error
        } catch {
            throw .notRobotLink
        }
    }

    static func bytes(of message: RobotLinkMessage) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: RobotLinkWire.maximumSize)
        let count = bytes.withUnsafeMutableBytes { RobotLinkWire.encode(message, into: $0) }
        return Array(bytes[0..<count])
    }

    static let identity = RobotIdentity(
        model: "Ärm 7 — test", serial: "SN-0042", simulated: true, maximumForce: 60, maximumSpeed: 25,
        watchdogMilliseconds: 20)

    @Test("Handshake messages keep every field, text included")
    func handshake() throws {
        let hello = RobotLinkMessage.hello(RobotLinkHello(nonce: 77, mode: .lockstep, station: "station 3"))
        #expect(try Self.roundTrip(hello) == hello)
        let welcome = RobotLinkMessage.welcome(RobotLinkWelcome(nonce: 77, identity: Self.identity, mode: .realTime))
        #expect(try Self.roundTrip(welcome) == welcome)
        let refusal = RobotLinkMessage.refusal(RobotLinkRefusal(nonce: 5, reason: .busy, text: "another station"))
        #expect(try Self.roundTrip(refusal) == refusal)
        #expect(try Self.roundTrip(.goodbye(nonce: 9)) == .goodbye(nonce: 9))
    }

    @Test("Text longer than its field is cut at a character, never inside one")
    func longText() throws {
        let long = String(repeating: "é", count: 40)  // 80 bytes into 32
        let hello = RobotLinkMessage.hello(RobotLinkHello(nonce: 1, mode: .realTime, station: long))
        guard case .hello(let back) = try Self.roundTrip(hello) else {
            Issue.record("not a hello")
            return
        }
        #expect(back.station == String(repeating: "é", count: 16))
    }

    @Test("Commands and reports keep every field (to a nanometre), for any values in range")
    func commandsAndReports() async {
        let coordinate = Gen.double(in: -200...200)
        let unit = Gen.double(in: -1...1)
        await propertyCheck(
            input: Gen.uint64(), coordinate, coordinate, coordinate, unit, unit, Gen.double(in: 0...80),
            Gen.double(in: 0...30), Gen.bool
        ) { sequence, x, y, z, nx, ny, force, speed, contact in
            let normal = Vector3(x: nx, y: ny, z: 1).normalized
            let command = RobotCommand(
                sequence: sequence, time: Int64(sequence % 1_000_000), contact: contact,
                position: Vector3(x: x, y: y, z: z), normal: normal, force: force, speed: speed,
                annotation: ContactAnnotation(face: .anterior, part: BodyPartID(.calves, .right), technique: .rocking),
                resetFault: !contact)
            guard case .command(let back)? = try? Self.roundTrip(.command(command)) else {
                Issue.record("the command did not come back")
                return
            }
            #expect(back.sequence == command.sequence && back.contact == contact && back.resetFault == !contact)
            #expect(back.annotation == command.annotation)
            #expect(
                abs(back.position.x - x) < 1e-7 && abs(back.position.y - y) < 1e-7 && abs(back.position.z - z) < 1e-7)
            #expect(abs(back.force - force) < 1e-12 && abs(back.speed - speed) < 1e-9)
            let report = RobotReport(
                sequence: sequence, time: 5, status: contact ? .ready : .holding, faultCode: 0, force: force,
                position: Vector3(x: x, y: y, z: z), normal: normal, stiffness: speed)
            guard case .report(let got)? = try? Self.roundTrip(.report(report)) else {
                Issue.record("the report did not come back")
                return
            }
            #expect(got.status == report.status && got.sequence == sequence)
            #expect(abs(got.position.y - y) < 1e-7 && abs(got.stiffness - speed) < 1e-9)
        }
    }

    @Test("Every part, face and technique has its own code and comes back as itself")
    func annotations() throws {
        for region in BodyRegion.allCases {
            for side in BodySide.allCases {
                let part = BodyPartID(region, side)
                #expect(try RobotLinkWire.decodedPart(RobotLinkWire.code(part)) == part)
            }
        }
        for face in BodyFace.allCases {
            #expect(try RobotLinkWire.decoded(RobotLinkWire.code(face), RobotLinkWire.Tables.faces) == face)
        }
        for technique in Technique.allCases {
            #expect(
                try RobotLinkWire.decoded(RobotLinkWire.code(technique), RobotLinkWire.Tables.techniques) == technique)
        }
    }

    @Test("What is wrong with a datagram is named: magic, version, kind, size, numbers, ranges")
    func badDatagrams() {
        let command = RobotCommand(
            sequence: 1, time: 0, contact: true, position: Vector3(x: 0, y: 40, z: 12),
            normal: Vector3(x: 0, y: 0, z: 1),
            force: 20, speed: 5)
        let good = Self.bytes(of: .command(command))
        func broken(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
            var copy = good
            change(&copy)
            return copy
        }
        func nan(at offset: Int) -> (inout [UInt8]) -> Void {
            { bytes in
                withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) {
                    bytes.replaceSubrange(offset..<offset + 8, with: $0)
                }
            }
        }
        let cases: [([UInt8], RobotLinkError)] = [
            ([1, 2, 3], .truncated(size: 3)),
            (broken { $0[0] = 0x41 }, .notRobotLink),
            (broken { $0[4] = 2 }, .unsupportedVersion(2)),
            (broken { $0[6] = 42 }, .unknownKind(42)),
            (Array(good.dropLast()), .truncated(size: good.count - 1)),
            (good + [0], .oversized(size: good.count + 1)),
            (broken { $0[24] = 4 }, .outOfRange(.flags)),
            (broken { $0[25] = 99 }, .outOfRange(.annotation)),
            (broken(nan(at: 32)), .notFinite(.position)),
            (broken(nan(at: 56)), .notFinite(.normal)),
            (broken(nan(at: 80)), .notFinite(.force)),
            (
                broken { bytes in
                    withUnsafeBytes(of: (-1.0).bitPattern.littleEndian) { bytes.replaceSubrange(80..<88, with: $0) }
                }, .outOfRange(.force)
            ),
            (
                broken { bytes in
                    withUnsafeBytes(of: (2.0).bitPattern.littleEndian) { bytes.replaceSubrange(72..<80, with: $0) }
                }, .outOfRange(.normal)
            ),
        ]
        for (bytes, expected) in cases {
            #expect(throws: expected) { try Self.decode(bytes) }
        }
    }

    @Test("Random bytes, and random changes to good datagrams, never trap the decoder")
    func randomBytes() async {
        let good = Self.bytes(
            of: .report(
                RobotReport(
                    sequence: 3, time: 4, status: .ready, force: 10, position: Vector3(x: 0, y: 40, z: 10),
                    normal: Vector3(x: 0, y: 0, z: 1), stiffness: 8)))
        await propertyCheck(input: Gen.uint8().array(of: 0...200), Gen.int(in: 0...143), Gen.uint8()) {
            noise, at, value in
            _ = try? Self.decode(noise)
            var changed = good
            changed[at] = value
            if let message = try? Self.decode(changed), case .report(let report) = message {
                #expect(report.force.isFinite && report.stiffness >= 0 && report.position.x.isFinite)
            }
        }
    }
}
