import Foundation
import Testing
import UnknotCore
import UnknotPlanning
import UnknotTesting

@Suite struct SessionPlannerTests {
    let planner = SessionPlanner()

    func strokes(_ plan: SessionPlan, on part: BodyPartID, in phase: PhaseKind) -> [Stroke] {
        plan.strokes.filter { $0.part == part && $0.phase == phase }
    }

    @Test func lengthsTheProgramDoesNotOfferAreRefused() {
        #expect(throws: PlanningError.lengthNotOffered(program: "Express (one focus area)", minutes: 30, lengths: [15]))
        {
            try planner.plan(
                Fixtures.request("express", minutes: 30, carePlan: CarePlan(focusAreas: [BodyArea(.neck)])))
        }
    }

    @Test func contraindicationsRefuseWithTheReason() {
        var care = CarePlan()
        care.health.fever = true
        do {
            _ = try planner.plan(Fixtures.request("total-back", minutes: 60, carePlan: care))
            Issue.record("a client with a fever was planned")
        } catch {
            guard case .refused(let reasons) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(reasons.first?.contains("fever") == true)
        }
    }

    @Test func expressNeedsAFocusAreaAndWorksOnlyIt() throws {
        #expect(throws: PlanningError.noFocusArea(program: "Express (one focus area)")) {
            try planner.plan(Fixtures.request("express", minutes: 15))
        }
        let plan = try planner.plan(
            Fixtures.request("express", minutes: 15, carePlan: CarePlan(focusAreas: [BodyArea(.calves, side: .left)])))
        #expect(plan.plannedParts == [BodyPartID(.calves, .left)])
        #expect(plan.durationMilliseconds == 900_000)
    }

    @Test func sensitiveAreasNeedAnExplicitYes() throws {
        let without = try planner.plan(Fixtures.request("total-back", minutes: 60))
        #expect(!without.plannedParts.contains { $0.region == .glutes })
        #expect(without.omissions.contains { $0.area == BodyArea(.glutes) && $0.reason.contains("sensitive") })
        let with = try planner.plan(
            Fixtures.request("total-back", minutes: 60, carePlan: CarePlan(sensitiveAreasOptedIn: [.glutes])))
        #expect(with.plannedParts.contains(BodyPartID(.glutes, .left)))
    }

    @Test func strokesNextToAnUntouchableAreaStopShortOfIt() throws {
        // Glutes not opted in and the right hip avoided: the lower back and the left hip are
        // worked, but no contact reaches across onto either.
        let care = CarePlan(avoidAreas: [BodyArea(.hips, side: .right)])
        let plan = try planner.plan(Fixtures.request("hips-glutes-lower-back", minutes: 45, carePlan: care))
        let untouchable = [BodyPartID(.glutes, .left), BodyPartID(.glutes, .right), BodyPartID(.hips, .right)]
            .map { Fixtures.body.patch(for: $0).outline }
        let worked = plan.strokes.filter { $0.part.region == .lowerBack || $0.part == BodyPartID(.hips, .left) }
        #expect(!worked.isEmpty)
        for stroke in worked {
            for point in stroke.path {
                for outline in untouchable {
                    #expect(outline.distance(to: point) >= stroke.technique.spec.contactWidth / 2 - 1e-6)
                }
            }
        }
    }

    @Test func fullBodyTurnsOverOnlyForConsentedFrontRegions() throws {
        let back = try planner.plan(Fixtures.request("full-body", minutes: 60))
        #expect(!back.strokes.contains { $0.face == .anterior })
        #expect(back.notes.contains { $0.contains("left out") })
        let both = try planner.plan(Fixtures.request("full-body", minutes: 90, carePlan: Fixtures.everything))
        let front = both.strokes.filter { $0.face == .anterior }
        #expect(!front.isEmpty)
        #expect(both.notes.contains { $0.contains("Turning over") })
        let closing = both.phases.last!
        #expect(closing.posture == .supine)
        #expect(
            front.allSatisfy { $0.startMilliseconds >= closing.startMilliseconds + SessionPlanner.turnoverMilliseconds }
        )
    }

    @Test func focusAreasGetMoreTime() throws {
        let care = CarePlan(focusAreas: [BodyArea(.shoulders, side: .left)])
        let plan = try planner.plan(Fixtures.request("neck-jaw-shoulders", minutes: 45, carePlan: care))
        let work = plan.phases.first { $0.kind == .focusedWork }!
        let left = work.regions.first { $0.part == BodyPartID(.shoulders, .left) }!
        let right = work.regions.first { $0.part == BodyPartID(.shoulders, .right) }!
        #expect(Double(left.durationMilliseconds) > 2 * Double(right.durationMilliseconds))
        #expect(left.isFocus && !right.isFocus)
    }

    @Test func tenderSpotsAreWorkedLighter() throws {
        let spot = BodySpot(area: BodyArea(.upperBack, side: .left), at: RegionCoordinate(u: 0.5, v: 0.5), radius: 4)
        let care = CarePlan(pressure: PressurePreference(level: PressureLevel(clamping: 6)), tenderSpots: [spot])
        let plan = try planner.plan(Fixtures.request("total-back", minutes: 60, carePlan: care))
        let part = BodyPartID(.upperBack, .left)
        let work = strokes(plan, on: part, in: .focusedWork)
        let tender = work.filter { $0.adaptation == .tenderSpot }
        let usual = work.filter { $0.adaptation == nil }
        #expect(!tender.isEmpty && !usual.isEmpty)
        #expect(tender.map(\.level).max()! < usual.map(\.level).max()!)
        // Nothing at the usual level comes near the spot.
        let center = Fixtures.body.patch(for: part).point(at: spot.at!)
        for stroke in usual {
            #expect(center.distance(toPath: stroke.path) >= spot.radius + stroke.technique.spec.contactWidth / 2 - 1e-6)
        }
    }

    @Test func ticklishSpotsGetBroadStillContactOrNothing() throws {
        let feet = BodySpot(area: BodyArea(.feet))
        var care = Fixtures.everything
        care.ticklishSpots = [feet]
        let held = try planner.plan(Fixtures.request("full-body", minutes: 90, carePlan: care))
        let onFeet = held.strokes.filter { $0.part.region == .feet }
        #expect(!onFeet.isEmpty)
        #expect(onFeet.allSatisfy { $0.technique == .broadStillPressure && $0.adaptation == .ticklishSpot })
        care.skipTicklishSpots = true
        let skipped = try planner.plan(Fixtures.request("full-body", minutes: 90, carePlan: care))
        #expect(!skipped.strokes.contains { $0.part.region == .feet })
        #expect(skipped.omissions.contains { $0.area == BodyArea(.feet) && $0.reason.contains("ticklish") })
    }

    @Test func lightOnlyScreeningCapsEveryStroke() throws {
        var care = CarePlan(pressure: PressurePreference(level: PressureLevel(clamping: 6)))
        care.health.bloodThinners = true
        let plan = try planner.plan(Fixtures.request("total-back", minutes: 30, carePlan: care))
        #expect(plan.strokes.allSatisfy { $0.level <= .lightMaximum })
        #expect(plan.notes.contains { $0.contains("Light pressure only") })
    }

    @Test func avoidingEverythingIsAClearError() {
        let care = CarePlan(avoidAreas: [BodyArea(.lowerBack), BodyArea(.hips), BodyArea(.glutes)])
        do {
            _ = try planner.plan(Fixtures.request("hips-glutes-lower-back", minutes: 30, carePlan: care))
            Issue.record("planned a session with nothing to work")
        } catch {
            guard case .nothingToWork(let omissions) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(omissions.count == 3)
            #expect(error.description.contains("you asked to avoid"))
        }
    }

    @Test func everyLengthOfEveryProgramIsExact() throws {
        for program in Fixtures.catalog().programs {
            for minutes in program.lengths {
                let care = program.singleFocusArea ? CarePlan(focusAreas: [BodyArea(.upperBack)]) : CarePlan()
                let plan = try planner.plan(Fixtures.request(program.id, minutes: minutes, carePlan: care))
                #expect(plan.durationMilliseconds == minutes * 60_000)
                #expect(plan.phases.last!.endMilliseconds == minutes * 60_000)
                #expect(plan.strokes.last!.endMilliseconds <= minutes * 60_000)
                // The last strokes reach into the final minute: the time is used, not padded.
                #expect(plan.strokes.last!.endMilliseconds > minutes * 60_000 - 60_000)
            }
        }
    }

    @Test func aStrokeSaysWhereAndHowHardAtAnyMoment() throws {
        let plan = try planner.plan(Fixtures.request("total-back", minutes: 30))
        let glide = plan.strokes.first { $0.technique == .gliding && $0.path.count >= 2 }!
        #expect(glide.position(at: 0) == glide.path.first)
        #expect(glide.position(at: glide.durationMilliseconds) == glide.path.last)
        // Every moment's contact point lies on the path, and it never moves faster than the speed.
        var previous = glide.position(at: 0)
        let step = glide.durationMilliseconds / 20
        for t in stride(from: step, through: glide.durationMilliseconds, by: step) {
            let here = glide.position(at: t)
            #expect(here.distance(toPath: glide.path) < 1e-9)
            #expect(previous.distance(to: here) <= glide.speed * Double(step) / 1000 + 1e-9)
            previous = here
        }
        #expect(glide.peakForce == glide.force.map(\.newtons).max())
        #expect(glide.peakForce <= glide.targetForce)
        let speed = glide.pathLength / (Double(glide.durationMilliseconds) / 1000)
        #expect(abs(speed - glide.speed) < 0.05)
    }

    @Test func thePlanRoundTripsThroughJSON() throws {
        let plan = try planner.plan(Fixtures.request("neck-jaw-shoulders", minutes: 30, carePlan: Fixtures.everything))
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(SessionPlan.self, from: data) == plan)
    }

    @Test func forceProfilesRiseGentlyAndReleaseToZero() throws {
        let plan = try planner.plan(
            Fixtures.request(
                "total-back", minutes: 30,
                carePlan: CarePlan(pressure: PressurePreference(level: PressureLevel(clamping: 6)))))
        let kneading = plan.strokes.filter { $0.technique == .kneading }.max {
            $0.durationMilliseconds < $1.durationMilliseconds
        }!
        #expect(kneading.durationMilliseconds > 9_000)
        #expect(kneading.force(at: 0) == 0)
        #expect(kneading.force(at: kneading.durationMilliseconds) == 0)
        let values = stride(from: 0, through: kneading.durationMilliseconds, by: 250).map { kneading.force(at: $0) }
        #expect(values.max()! <= kneading.targetForce + 1e-9)
        // It swings: the wave goes down at least 15 % between peaks.
        let middle = values[values.count / 4..<(3 * values.count / 4)]
        #expect(middle.min()! < 0.85 * middle.max()!)
    }
}
