import Benchmark
import UnknotCore
import UnknotPlanning
import UnknotTesting

/// Targets (issue #2, release build): a 90-minute Full Body plan in at most 20 ms and a
/// 30-minute plan in at most 5 ms. Run with `swift package benchmark`; figures go in
/// docs/benchmarks.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds, maxDuration: .seconds(5), maxIterations: 1_000)
    let planner = SessionPlanner()

    // A demanding client: every sensitive area opted in (front of the body too), focus areas,
    // a tender spot, a ticklish spot and a pressure per area.
    var demanding = Fixtures.everything
    demanding.tenderSpots = [BodySpot(area: BodyArea(.shoulders, side: .left), at: RegionCoordinate(u: 0.4, v: 0.5))]
    demanding.ticklishSpots = [BodySpot(area: BodyArea(.feet))]
    demanding.pressure.byArea = [AreaPressure(BodyArea(.lowerBack), PressureLevel(clamping: 6))]

    func planning(_ name: String, _ request: PlanRequest) {
        Benchmark("Plan: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try planner.plan(request))
            }
        }
    }

    // A typical client: sensitive areas left off, one area avoided, a tender spot.
    let typical = CarePlan(
        focusAreas: [BodyArea(.shoulders)], avoidAreas: [BodyArea(.calves, side: .left)],
        tenderSpots: [BodySpot(area: BodyArea(.upperBack, side: .right), at: RegionCoordinate(u: 0.5, v: 0.4))])

    planning("Full Body, 90 minutes", Fixtures.request("full-body", minutes: 90, carePlan: demanding))
    planning("Full Body, 90 minutes, typical client", Fixtures.request("full-body", minutes: 90, carePlan: typical))
    planning("Total Back, 30 minutes", Fixtures.request("total-back", minutes: 30, carePlan: demanding))
    planning("Total Back, 30 minutes, typical client", Fixtures.request("total-back", minutes: 30, carePlan: typical))
    planning(
        "Neck, Jaw & Shoulders, 30 minutes", Fixtures.request("neck-jaw-shoulders", minutes: 30, carePlan: demanding))

    let scan = SyntheticScan().image(of: Fixtures.body, seed: 1)
    Benchmark("Scan: fit a 180 × 384 depth image") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BodyScanFitter().fit(scan))
        }
    }
}
