import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotPlanning
import UnknotTesting

/// The planner's safety and completeness promises, over random clients, bodies and programs.
@Suite struct PlanPropertyTests {
    let catalog: ProgramCatalog

    /// `UNKNOT_PROPERTY_SCALE=20` runs twenty times as many random cases (a soak).
    static let scale = ProcessInfo.processInfo.environment["UNKNOT_PROPERTY_SCALE"].flatMap(Int.init) ?? 1

    init() throws { catalog = try ProgramCatalog.bundled() }

    func plan(_ client: RandomClient) throws -> (SessionPlan, PlanChecker)? {
        let body = BodyModel(client.measurements)
        let request = PlanRequest(
            program: client.program, minutes: client.minutes, carePlan: client.carePlan, body: body, date: client.date)
        let screening = ContraindicationScreening.screen(
            client.carePlan.health, program: client.program, on: client.date)
        do {
            let plan = try SessionPlanner().plan(request)
            return (plan, PlanChecker(body: body, carePlan: client.carePlan, screening: screening))
        } catch .nothingToWork {
            return nil  // everything in the program avoided or unconsented: a correct refusal
        } catch {
            Issue.record("unexpected planning error: \(error)")
            return nil
        }
    }

    @Test func everyStrokeIsSafeAndTheLengthIsExact() async throws {
        await propertyCheck(count: 60 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, checker) = try? plan(client) else { return }
            let violations = checker.violations(plan)
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5))")
            #expect(plan.durationMilliseconds == client.minutes * 60_000)
        }
    }

    @Test func everyPlannedRegionIsCovered() async throws {
        await propertyCheck(count: 40 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, checker) = try? plan(client) else { return }
            for part in plan.plannedParts {
                let missing = checker.uncovered(part, in: plan)
                #expect(
                    missing.isEmpty, "seed \(seed): \(part) misses \(missing.count) points, e.g. \(missing.prefix(3))")
            }
        }
    }

    @Test func noAvoidedOrUnconsentedAreaIsPlanned() async throws {
        await propertyCheck(count: 60 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, _) = try? plan(client) else { return }
            for part in plan.plannedParts {
                #expect(!client.carePlan.isAvoided(part), "seed \(seed): \(part) is avoided")
                #expect(client.carePlan.consents(to: part.region), "seed \(seed): \(part) is not consented")
            }
            for omission in plan.omissions {
                #expect(
                    !plan.plannedParts.contains { omission.area.contains($0) },
                    "seed \(seed): \(omission.area) omitted yet planned")
            }
        }
    }

    /// Bodies anywhere in the supported ranges (not only typical proportions), on the longest
    /// and the shortest program: no trap, and every promise holds.
    @Test func unusualBodiesArePlannedSafely() async throws {
        await propertyCheck(count: 30 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            var m = BodyMeasurements(height: 170)
            repeat {
                for (_, keyPath, range) in BodyMeasurements.supportedRanges {
                    guard let writable = keyPath as? WritableKeyPath<BodyMeasurements, Double> else { continue }
                    m[keyPath: writable] = Double.random(in: range, using: &rng)
                }
            } while !m.problems().isEmpty
            var client = RandomClient(seed: seed, catalog: catalog)
            client.measurements = m
            guard let (plan, checker) = try? plan(client) else { return }
            #expect(checker.violations(plan).isEmpty, "seed \(seed): \(checker.violations(plan).prefix(3))")
            for part in plan.plannedParts {
                #expect(checker.uncovered(part, in: plan).isEmpty, "seed \(seed): \(part) not covered")
            }
        }
    }

    @Test func planningIsDeterministic() async throws {
        await propertyCheck(count: 10 * Self.scale, input: Gen.uint64().withoutShrink()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            let first = try? plan(client)?.0
            let second = try? plan(client)?.0
            #expect(first == second, "seed \(seed): two plans differ")
        }
    }
}
