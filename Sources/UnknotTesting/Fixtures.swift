import Foundation
import UnknotCore
import UnknotPlanning

/// Ready-made requests for tests and benchmarks.
public enum Fixtures {
    public static let day = CalendarDate(year: 2026, month: 11, day: 22)!
    public static let body = BodyModel(BodyMeasurements(height: 172))

    public static func catalog() -> ProgramCatalog {
        do {
            return try ProgramCatalog.bundled()
        } catch {
            preconditionFailure("the bundled programs must load: \(error)")
        }
    }

    public static func request(
        _ programID: String, minutes: Int, carePlan: CarePlan = CarePlan(), body: BodyModel = Fixtures.body
    ) -> PlanRequest {
        guard let program = catalog().program(id: programID) else { preconditionFailure("no program \(programID)") }
        return PlanRequest(program: program, minutes: minutes, carePlan: carePlan, body: body, date: day)
    }

    /// A client who opts in to every sensitive area, for Full Body plans that use every region.
    public static var everything: CarePlan {
        var plan = CarePlan()
        plan.sensitiveAreasOptedIn = BodyRegion.allCases.filter(\.isSensitive)
        plan.focusAreas = [BodyArea(.shoulders)]
        return plan
    }
}
