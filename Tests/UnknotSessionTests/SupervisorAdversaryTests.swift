import Foundation
import Testing
import UnknotCore
import UnknotSession
import UnknotTesting

/// The supervisor alone against an adversary (``SupervisorAdversary``), judged by an
/// independent checker (``SupervisorChecker``) that works the limits out from each position.
///
/// `UNKNOT_SUPERVISOR_SETPOINTS` sets how many setpoints (the soak: `scripts/soak-supervisor`).
@Suite("Safety supervisor against an adversary")
struct SupervisorAdversaryTests {
    static let setpoints = Int(ProcessInfo.processInfo.environment["UNKNOT_SUPERVISOR_SETPOINTS"] ?? "") ?? 200_000
    static let catalog = Fixtures.catalog()

    @Test("No output breaks a guarantee, whatever the stream; every guard is exercised")
    func adversary() async {
        // Four streams in parallel, each a quarter of the setpoints.
        let reports = await withTaskGroup(of: SupervisorAdversary.Report.self) { group in
            for part in 0..<4 {
                group.addTask {
                    SupervisorAdversary.run(
                        seed: 0x5AFE_0000 + UInt64(part), setpoints: (Self.setpoints + 3) / 4, catalog: Self.catalog)
                }
            }
            var all: [SupervisorAdversary.Report] = []
            for await report in group { all.append(report) }
            return all
        }
        var total = SupervisorAdversary.Report()
        for report in reports {
            total.setpoints += report.setpoints
            total.contacts += report.contacts
            total.episodes += report.episodes
            total.violations += report.violations
            total.interventions.add(report.interventions)
            total.faults.merge(report.faults, uniquingKeysWith: +)
        }
        print(
            "supervisor adversary: \(total.setpoints) setpoints, \(total.episodes) episodes, \(total.contacts) in contact, "
                + "\(total.violations.count) violations; \(total.interventions); faults \(total.faults)")
        #expect(total.setpoints >= Self.setpoints)
        #expect(total.violations.isEmpty, "\(total.violations.prefix(10).joined(separator: "\n"))")
        // Not vacuous: much of the stream reaches the skin, and every guard acts.
        #expect(Double(total.contacts) > 0.1 * Double(total.setpoints))
        let i = total.interventions
        for (name, count) in [
            ("force clamped", i.forceClamped), ("rise limited", i.riseLimited), ("forbidden", i.forbiddenContact),
            ("zones", i.pointPressureInZone), ("held lifted", i.heldLifted), ("jumps", i.jumpLifted),
            ("wrong face", i.wrongFace), ("off the body", i.offBody), ("invalid", i.invalidSetpoints),
        ] {
            #expect(count > 0, "the adversary never made the supervisor act on \(name)")
        }
        for kind in [
            "sensor dropout", "force above ceiling", "robot fault", "emergency stop", "invalid setpoint",
            "implausible reading",
        ] {
            #expect(total.faults[kind, default: 0] > 0, "no \(kind) in the run")
        }
    }
}
