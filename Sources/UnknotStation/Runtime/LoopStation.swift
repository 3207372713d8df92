import Foundation
import Synchronization
import UnknotCore
import UnknotSession

/// A session on an arm, its ``StationLoop`` running at 1 kHz on its own thread, as a
/// ``StationRuntime`` sees it: the runtime reads what the loop last published, takes the loop's
/// events, and posts commands into the loop's handoff; it never waits on a tick, and the loop never
/// waits on it.
///
/// Guarantees: the loop starts when this is made and runs until the session finishes or
/// ``shutDown()`` halts it (the arm lifts, the interface deactivates); the open check-in is
/// followed from the loop's events, so nothing is copied out of the loop but its fixed status.
public final class LoopStation<Hardware: RobotHardware & SendableMetatype>: RunningStation, @unchecked Sendable {
    public let loop: StationLoop<Hardware>
    public let plan: SessionPlan
    public let carePlan: CarePlan
    public let robotIdentity: RobotIdentity
    public var simulationSeed: UInt64? { nil }
    public var runsItself: Bool { true }
    public var pendingEventCount: Int { 0 }
    public var breathsPerMinute: Double { 0 }
    private let checkIn = Mutex<CheckIn?>(nil)
    private let ran = DispatchSemaphore(value: 0)
    private let failure = Mutex<HardwareError?>(nil)

    /// Starts `loop` on a thread of its own (real-time priority where the system allows).
    public init(loop: StationLoop<Hardware>, plan: SessionPlan, carePlan: CarePlan, robot: RobotIdentity) {
        self.loop = loop
        self.plan = plan
        self.carePlan = carePlan
        robotIdentity = robot
        let thread = Thread { [self] in
            do throws(HardwareError) {
                try loop.run()
            } catch {
                failure.withLock { $0 = error }
            }
            ran.signal()
        }
        thread.name = "unknot station loop"
        thread.start()
    }

    /// Why the loop could not run, if it could not.
    public var hardwareFailure: HardwareError? { failure.withLock { $0 } }

    public var view: EngineView {
        let status = loop.status
        var view = EngineView()
        view.now = status.time
        view.state = status.state
        view.planTime = status.planTime
        view.contact = status.contact
        view.emergencyStopped = status.emergencyStopped
        view.heartRate = status.heartRate
        view.faultWouldClear = status.faultWouldClear
        view.openCheckIn = checkIn.withLock { $0 }
        return view
    }

    public var isFinished: Bool {
        if case .finished? = loop.outcome { return true }
        return false
    }

    /// The loop ended without finishing the session (halted, or the arm could not be driven).
    public var hasStopped: Bool {
        if case .halted? = loop.outcome { return true }
        return hardwareFailure != nil
    }

    public var summary: SessionSummary? {
        if case .finished(let summary)? = loop.outcome { return summary }
        return nil
    }

    public func step() -> Bool { false }

    public func takeEvents(into buffer: inout [TimedEvent]) {
        let start = buffer.count
        loop.events.drain(into: &buffer)
        for timed in buffer[start...] {
            switch timed.event {
            case .checkIn(let open): checkIn.withLock { $0 = open }
            case .checkInClosed: checkIn.withLock { $0 = nil }
            default: break
            }
        }
    }

    public func post(_ command: StationCommand) { loop.commands.post(command) }

    /// Halts the loop (the arm gets a lifted setpoint and the interface deactivates) and waits
    /// for it, at most a second.
    public func shutDown() {
        guard loop.outcome == nil, hardwareFailure == nil else { return }
        loop.commands.post(.halt)
        _ = ran.wait(timeout: .now() + 1)
    }
}
