import Testing
import UnknotCore
import UnknotTesting

@testable import UnknotSession

/// The mutation check: with any one guard of the supervisor switched off, the adversary and
/// the checker find a violation. A guard whose loss nobody notices would be untested.
@Suite("Safety supervisor: each guard is needed")
struct SupervisorMutationTests {
    @Test("Switching off one guard makes the adversarial property fail", arguments: SafetyGuards.allCases)
    func guardIsNeeded(_ off: SafetyGuards) {
        let make: SupervisorAdversary.Make = { care, screening, body, face, at in
            var s = SafetySupervisor(carePlan: care, screening: screening, body: body, lyingOn: face, at: at)
            s.disabledGuards = off
            return s
        }
        let report = SupervisorAdversary.run(
            seed: 0x0FF0 + UInt64(off.rawValue), setpoints: 400_000, catalog: SupervisorAdversaryTests.catalog,
            make: make, keep: 3, stopEarly: true)
        #expect(
            !report.violations.isEmpty,
            "without \(off.name) the checker found nothing in \(report.setpoints) setpoints (\(report.causes))")
    }
}

extension SafetyGuards: CustomTestStringConvertible {
    public var testDescription: String { name }
}
