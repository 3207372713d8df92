import Foundation
import Testing
import UnknotCore
import UnknotRobotLink

@testable import TwinPhysics

/// The twin behind the robot link (issue #19): station-frame commands drive MuJoCo's arm on the
/// client's back; over real UDP on loopback it serves lockstep only when asked to, says it is
/// simulated, and gives the same readings for the same commands.
@Suite("The twin behind the robot link")
struct TwinArmTests {
    static let height = 172.0
    static let model = BodyModel(BodyMeasurements(height: height))
    /// A point on the upper back beside the spine, in the station frame (cm), and its normal.
    static let spot = SurfacePoint(x: 5, y: 0.27 * height)

    static func command(_ sequence: UInt64, contact: Bool, force: Double = 20) -> RobotCommand {
        let p = model.position(at: spot, face: .posterior)
        let n = model.normal(at: spot, face: .posterior)
        return RobotCommand(
            sequence: sequence, time: Int64(sequence) * 1_000, contact: contact,
            position: Vector3(x: p.x, y: p.y, z: p.z + (contact ? 0 : 10)), normal: n, force: contact ? force : 0,
            speed: 5)
    }

    @Test("a station-frame press on the upper back: the force asked, where asked, the tissue's stiffness read")
    func pressThroughTheArm() throws {
        var arm = try TwinArm(measurements: BodyMeasurements(height: Self.height))
        #expect(arm.identity.simulated && arm.identity.model.contains("MuJoCo"))
        var reading = ArmReading(
            force: 0, position: Vector3(x: 0, y: 0, z: 0), normal: Vector3(x: 0, y: 0, z: 1), stiffness: 0)
        for n in 1...3_000 { reading = arm.step(following: Self.command(UInt64(n), contact: false)) }
        #expect(reading.force == 0 && abs(reading.position.z - Self.command(1, contact: false).position.z) < 1)
        for n in 3_001...5_000 { reading = arm.step(following: Self.command(UInt64(n), contact: true)) }
        let asked = Self.command(1, contact: true).position
        let off =
            ((reading.position.x - asked.x) * (reading.position.x - asked.x)
            + (reading.position.y - asked.y) * (reading.position.y - asked.y)).squareRoot()
        #expect(abs(reading.force - 20) < 2, "pressing \(reading.force) N")
        #expect(off < 1, "touching \(off) cm from where asked")
        #expect(abs(reading.stiffness - 9) < 0.5, "the upper back's 9 N/cm read as \(reading.stiffness)")
        #expect(reading.faultCode == nil)
    }

    @Test("a target out of the arm's reach is a fault on the link (singularity or following error), not followed")
    func unreachableTargetIsAFault() throws {
        var arm = try TwinArm(measurements: BodyMeasurements(height: Self.height))
        func hover(_ n: Int, y: Double) -> RobotCommand {
            RobotCommand(
                sequence: UInt64(n), time: Int64(n) * 1_000, contact: false, position: Vector3(x: 0, y: y, z: 25),
                normal: Vector3(x: 0, y: 0, z: 1), force: 0, speed: 10)
        }
        // Over the calves, 1.3 m along the table from the crown: far from the park, within reach.
        var faultAt: Int?
        for n in 1...4_000 where arm.step(following: hover(n, y: 130)).faultCode != nil {
            faultAt = n
            break
        }
        #expect(faultAt == nil, "a reachable target faulted at \(faultAt ?? 0) ms")
        // 2.6 m along: past the table's end, beyond the arm's 1.3 m.
        for n in 4_001...8_000 {
            let code = arm.step(following: hover(n, y: 260)).faultCode
            if code != nil {
                faultAt = n - 4_000
                // Stretched toward it, the arm reaches the edge of its workspace, a singularity: the
                // joint watch (7004) speaks before the following-error watch's 1 s stall (7002).
                #expect(code == TwinArm.Fault.singularity || code == TwinArm.Fault.followingError)
                print("beyond reach: fault \(code ?? 0) after \(n - 4_000) ms")
                break
            }
        }
        let at = try #require(faultAt, "never reported")
        #expect(at <= 2_500, "reported after \(at) ms")
        // Cleared, and given a reachable target again, it follows without a fault.
        arm.resetFault()
        var last: ArmReading?
        for n in 8_001...12_000 { last = arm.step(following: hover(n, y: 130)) }
        #expect(last?.faultCode == nil)
        #expect(abs((last?.position.y ?? 0) - 130) < 1)
    }

    /// Sends `message` to the server and returns its answer (lockstep answers every command).
    static func exchange(_ socket: DatagramSocket, _ message: RobotLinkMessage, to server: DatagramSocket.Endpoint)
        throws -> RobotLinkMessage?
    {
        var out = [UInt8](repeating: 0, count: RobotLinkWire.maximumSize)
        let count = out.withUnsafeMutableBytes { RobotLinkWire.encode(message, into: $0) }
        _ = out.withUnsafeBytes { socket.send(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: server) }
        var reply = [UInt8](repeating: 0, count: 2_048)
        for _ in 0..<200 {
            guard socket.wait(milliseconds: 10) else { continue }
            let received = reply.withUnsafeMutableBytes { socket.receive(into: $0) }
            guard case .datagram(let count, _) = received else { continue }
            return try reply.withUnsafeBytes {
                try RobotLinkWire.decode(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
            }
        }
        return nil
    }

    /// A lockstep session of `commands` over loopback; the forces the twin reported.
    static func lockstepForces(commands: Int) throws -> [Double] {
        let server = try RobotLinkServer(
            listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0),
            arm: try TwinArm(measurements: BodyMeasurements(height: height)), modes: [.lockstep])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            server.run()
            done.signal()
        }
        thread.start()
        defer {
            server.stop()
            done.wait()
        }
        let address = try DatagramSocket.Endpoint(host: "127.0.0.1", port: server.socket.localPort)
        let socket = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
        let refused = try exchange(
            socket, .hello(RobotLinkHello(nonce: 7, mode: .realTime, station: "test")), to: address)
        guard case .refusal(let refusal) = refused else {
            Issue.record("a real-time hello to a lockstep-only twin: \(String(describing: refused))")
            return []
        }
        #expect(refusal.reason == .modeNotSupported)
        let welcome = try exchange(
            socket, .hello(RobotLinkHello(nonce: 8, mode: .lockstep, station: "test")), to: address)
        guard case .welcome(let welcomed) = welcome else {
            Issue.record("a lockstep hello: \(String(describing: welcome))")
            return []
        }
        #expect(welcomed.identity.simulated && welcomed.mode == .lockstep)
        var forces: [Double] = []
        for n in 1...commands {
            let answer = try exchange(socket, .command(command(UInt64(n), contact: n > commands / 2)), to: address)
            guard case .report(let report) = answer else {
                Issue.record("command \(n): \(String(describing: answer))")
                return forces
            }
            #expect(report.sequence == UInt64(n))
            forces.append(report.force)
        }
        _ = try? exchange(socket, .goodbye(nonce: 8), to: address)
        return forces
    }

    @Test("over loopback in lockstep: real time refused, one step per command, the same readings twice")
    func lockstepOverLoopback() throws {
        let first = try Self.lockstepForces(commands: 3_000)
        let second = try Self.lockstepForces(commands: 3_000)
        #expect(first.count == 3_000 && first == second, "lockstep is deterministic")
        #expect(abs((first.last ?? 0) - 20) < 3, "pressing \(first.last ?? 0) N after 1.5 s")
    }
}
