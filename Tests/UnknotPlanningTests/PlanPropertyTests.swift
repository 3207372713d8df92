import PropertyBased
import Testing
import UnknotCore
import UnknotPlanning
import UnknotTesting

/// The planner's safety and completeness promises, over random clients, bodies and programs.
@Suite struct PlanPropertyTests {
    let catalog: ProgramCatalog

    init() throws { catalog = try ProgramCatalog.bundled() }

    func plan(_ client: RandomClient) throws -> (SessionPlan, PlanChecker)? {
        let body = BodyModel(client.measurements)
        let request = PlanRequest(
            program: client.program, minutes: client.minutes, carePlan: client.carePlan, body: body, date: client.date)
        let screening = ContraindicationScreening.screen(client.carePlan.health, program: client.program, on: client.date)
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
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, checker) = try? plan(client) else { return }
            let violations = checker.violations(plan)
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5))")
            #expect(plan.durationMilliseconds == client.minutes * 60_000)
        }
    }

    @Test func everyPlannedRegionIsCovered() async throws {
        await propertyCheck(count: 40, input: Gen.uint64()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, checker) = try? plan(client) else { return }
            for part in plan.plannedParts {
                let missing = checker.uncovered(part, in: plan)
                #expect(missing.isEmpty, "seed \(seed): \(part) misses \(missing.count) points, e.g. \(missing.prefix(3))")
            }
        }
    }

    @Test func noAvoidedOrUnconsentedAreaIsPlanned() async throws {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            guard let (plan, _) = try? plan(client) else { return }
            for part in plan.plannedParts {
                #expect(!client.carePlan.isAvoided(part), "seed \(seed): \(part) is avoided")
                #expect(client.carePlan.consents(to: part.region), "seed \(seed): \(part) is not consented")
            }
            for omission in plan.omissions {
                #expect(!plan.plannedParts.contains { omission.area.contains($0) }, "seed \(seed): \(omission.area) omitted yet planned")
            }
        }
    }

    @Test func planningIsDeterministic() async throws {
        await propertyCheck(count: 10, input: Gen.uint64()) { seed in
            let client = RandomClient(seed: seed, catalog: catalog)
            let first = try? plan(client)?.0
            let second = try? plan(client)?.0
            #expect(first == second, "seed \(seed): two plans differ")
        }
    }
}
