import Foundation
import Synchronization
import UnknotCore
import UnknotSession
import UnknotStudioLink

/// A station running one session in its ``StationLoop``, as its studio link sees it: its reports
/// come from the loop's published status, and staff orders and relayed console controls become
/// the loop's commands (posted, never waited on).
///
/// Guarantees: an order for another session is ignored; the loop never waits on the link (it only
/// reads what the loop last published and posts into the loop's command handoff).
public final class StationLoopLink<Hardware: RobotHardware>: StudioLinkStation {
    public let loop: StationLoop<Hardware>
    public let session: UUID
    public let software: String
    public let robot: RobotIdentity?
    private let state = Mutex<StudioLinkState?>(nil)
    /// Whether staff were told of the fault the loop is in (once per fault).
    private let faultTold = Mutex(false)

    public init(loop: StationLoop<Hardware>, session: UUID = UUID(), software: String, robot: RobotIdentity?) {
        self.loop = loop
        self.session = session
        self.software = software
        self.robot = robot
    }

    /// Where the link is now (`nil` before the first attempt ended).
    public var linkState: StudioLinkState? { state.withLock { $0 } }

    public func hello() async -> StationHello {
        StationHello(
            software: software, simulated: robot?.simulated ?? true, robot: robot)
    }

    public func report() async -> StationReport {
        let status = loop.status
        let robotState: String =
            switch status.hardware {
            case .active: status.writeFailures > 0 ? "fault" : "ready"
            case .failed: "fault"
            case .inactive, .unconfigured: "absent"
            }
        let late = status.lateness
        return StationReport(
            robot: robotState,
            latenessMicroseconds: [late.p50, late.p99, late.max].map { Int(($0 * 1_000).rounded()) },
            session: loop.outcome == nil
                ? SessionReport(session: session, console: console(status), stopped: status.emergencyStopped) : nil)
    }

    /// A fault of the arm is always staff's business: it goes out once per fault, whatever the
    /// care plan says of the client's reactions.
    public func takeOutgoing() async -> [StationMessage] {
        let status = loop.status
        let faulted = status.state == .faulted || status.hardware == .failed
        let tell = faultTold.withLock { told in
            defer { told = faulted }
            return faulted && !told
        }
        guard tell else { return [] }
        let text =
            "The station's arm faulted at \(status.time / 60_000):\(String(format: "%02d", status.time / 1_000 % 60)); "
            + "it is lifted and holds. Check the station."
        return [.alert(StaffAlert(session: session, t: status.time, text: text, kind: "station-fault"))]
    }

    public func received(_ message: StudioMessage) async {
        switch message {
        case .staff(let order) where order.session == nil || order.session == session:
            switch order.command {
            case .emergencyStop: loop.commands.post(.emergencyStop)
            case .release: loop.commands.post(.releaseEmergencyStop)
            case .end: loop.commands.post(.control(.end))
            }
        case .control(let relayed) where relayed.session == session:
            loop.commands.post(.control(relayed.control))
        default:
            break
        }
    }

    public func linkChanged(_ new: StudioLinkState) async { state.withLock { $0 = new } }

    /// The console's view of the loop's status.
    func console(_ s: StationStatus) -> ConsoleStatus {
        ConsoleStatus(
            time: s.time, state: s.state.rawValue,
            stateText: s.emergencyStopped ? "Staff stopped the arm" : s.state.displayName, planTime: s.planTime,
            remaining: s.remaining, phase: "", area: s.contact ? s.part?.area.description : nil, contact: s.contact,
            x: 0, y: 0, face: "posterior", level: s.level, heartRate: Int(s.heartRate.rounded()), breathing: 0,
            relaxation: nil, relaxationWords: "", checkIn: nil, finished: s.finished, report: nil,
            stopped: s.emergencyStopped)
    }
}
