import Foundation
import Testing
import UnknotCore
import UnknotSession
import UnknotStudioLink

@testable import UnknotStation

/// A real-time station on the studio link: staff orders reach its loop, and a fault of its arm
/// reaches staff, once.
@Suite("Station loop on the studio link")
struct StationLoopLinkTests {
    @Test(
        "staff's stop from the link reaches the loop; a fault of the arm is told to staff once, whatever the care plan")
    func faultToStaff() async throws {
        let hardware = ScriptedHardware()
        hardware.failingAt = [20_000]
        let loop = StationLoop(engine: try StationLoopTests.engine(), hardware: hardware, pace: .asFastAsPossible)
        let link = StationLoopLink(loop: loop, software: "test", robot: hardware.identity)
        let wait = StationLoopTests.start(loop)
        StationLoopTests.drive(loop, posting: .consoleBack, after: 0, haltAt: 21_000)
        _ = wait()
        let first = await link.takeOutgoing()
        #expect(first.count == 1)
        guard case .alert(let alert)? = first.first else {
            Issue.record("no alert: \(first)")
            return
        }
        #expect(alert.session == link.session && alert.text.contains("faulted"))
        #expect(await link.takeOutgoing().isEmpty, "told once")

        // Staff's stop over the link becomes the loop's command.
        let running = StationLoop(
            engine: try StationLoopTests.engine(), hardware: ScriptedHardware(), pace: .asFastAsPossible)
        let linked = StationLoopLink(loop: running, software: "test", robot: nil)
        await linked.received(.staff(StaffOrder(session: nil, command: .emergencyStop)))
        await linked.received(.staff(StaffOrder(session: UUID(), command: .release)))  // another session's: ignored
        let waitRunning = StationLoopTests.start(running)
        StationLoopTests.drive(running, posting: .consoleBack, after: 0, haltAt: 5_000)
        _ = waitRunning()
        #expect(running.status.emergencyStopped)
    }
}
