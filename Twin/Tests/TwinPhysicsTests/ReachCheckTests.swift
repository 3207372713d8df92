import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotRobotLink

@testable import TwinPhysics

/// Reach before a session (issue #19), the arm's half: inverse kinematics on a kinematic copy of
/// the twin's arm says, for a point, whether the pad can press there — and if not, why — without
/// touching the live world. Every point of every stroke on the back of every program's plan is asked.
@Suite("Reach, before a stroke is tried")
struct ReachCheckTests {
    @Test("a point on the back is reachable; one past the table's end is not, and by how far")
    func reachableAndNot() throws {
        let arm = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        let before = arm.world.positions
        let check = try arm.reachCheck()
        let back = TwinArmTests.command(1, contact: true).position
        let verdict = arm.reach(back, with: check)
        #expect(verdict.allowsContact && verdict != .unchecked, "the upper back: \(verdict)")
        let beyond = arm.reach(Vector3(x: 0, y: 260, z: 10), with: check)
        guard case .outOfReach(let short) = beyond else {
            Issue.record("past the table's end: \(beyond)")
            return
        }
        #expect(short > 30, "short by \(short) cm")
        #expect(arm.world.positions == before, "the live arm moved")
    }

    @Test("the solver: a damped step solves a known system exactly")
    func solve() {
        var a: [Double] = [4, 1, 1, 3]
        let x = ReachCheck.solve(&a, [1, 2], size: 2)
        #expect(abs(x[0] - 1.0 / 11) < 1e-12 && abs(x[1] - 7.0 / 11) < 1e-12)
    }

    @Test("every point of every stroke on the back is asked: all within reach but Full Body's far hand and forearm")
    func everyProgramWithinReach() throws {
        let catalog = try ProgramCatalog.bundled()
        let model = TwinArmTests.model
        let arm = try TwinArm(measurements: BodyMeasurements(height: TwinArmTests.height))
        let check = try arm.reachCheck()
        let date = try #require(CalendarDate(year: 2026, month: 12, day: 1))
        var care = CarePlan()
        care.sensitiveAreasOptedIn = BodyRegion.allCases.filter(\.isSensitive)
        care.focusAreas = [BodyArea(.shoulders)]
        for program in catalog.programs {
            let minutes = program.lengths.min() ?? 30
            let plan = try SessionPlanner().plan(
                PlanRequest(program: program, minutes: minutes, carePlan: care, body: model, date: date))
            var asked = 0
            var least = Double.infinity
            var unreachable: [BodyRegion: (points: Int, worst: Double)] = [:]
            var other: [BodyRegion: [String]] = [:]
            for stroke in plan.strokes where stroke.face == .posterior {
                for point in stroke.path {
                    asked += 1
                    switch arm.reach(model.position(at: point, face: .posterior), with: check) {
                    case .reachable(let w): least = min(least, w)
                    case .outOfReach(let short):
                        let seen = unreachable[stroke.part.region] ?? (0, 0)
                        unreachable[stroke.part.region] = (seen.points + 1, max(seen.worst, short))
                    case let verdict:
                        other[stroke.part.region, default: []].append(
                            "\(stroke.part.area) at (\(point.x), \(point.y)): \(verdict)")
                    }
                }
            }
            let beyond = unreachable.map {
                "\($0.key): \($0.value.points) points, up to \($0.value.worst * 10) mm short"
            }
            let near = other.map { "\($0.key): \($0.value.count) points" }
            print(
                "\(program.id): \(asked) points on the back, least manipulability \(least); beyond reach: \(beyond); "
                    + "at a singularity or a joint's end: \(near)")
            // The arm hangs beside the middle of the table: the client's hand and forearm on the far
            // side are past its 1.3 m reach, and some of the near ones lie under its shoulder, a
            // singularity. Only Full Body works them (with the client's consent).
            if program.id == "full-body" {
                let limbs: Set<BodyRegion> = [.forearms, .hands]
                #expect(Set(unreachable.keys) == limbs && Set(other.keys).isSubset(of: limbs), "\(beyond)")
            } else {
                #expect(unreachable.isEmpty && other.isEmpty, "\(program.id): \(beyond), \(other.values.joined())")
            }
        }
    }
}
