import Foundation
import UnknotCore
import UnknotSimulation
import UnknotStation
import UnknotStudioLink

/// How a demo station plans what the studio assigns it: the session on a simulated arm over a
/// simulated body that follows the client's care plan (tender spots hurt above a moderate level),
/// while a real person presses the console's controls.
public enum DemoStation {
    /// Why a demo station cannot run an assignment.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// The planner for a ``StationRuntime`` of simulated stations.
    public static func planner(catalog: ProgramCatalog) -> StationRuntime<SimulatedStation>.Planner {
        { assignment in
            guard let program = catalog.program(id: assignment.programID) else {
                throw Refusal(description: "the program \(assignment.programID) is not on this station")
            }
            let body = BodyModel(assignment.body ?? BodyMeasurements(height: 172))
            do {
                return try SimulatedStation.planned(
                    program: program, minutes: assignment.minutes, persona: persona(for: assignment.carePlan),
                    carePlan: assignment.carePlan, body: body, date: assignment.date, seed: seed(assignment.session),
                    readsSignals: true)
            } catch {
                throw Refusal(description: "the session cannot be planned: \(error)")
            }
        }
    }

    /// The person on the table, as the simulation knows them: the care plan's tender spots hurt
    /// above a moderate level; everything else (pressing controls) is left to the real console.
    public static func persona(for plan: CarePlan) -> Persona {
        var persona = Persona(name: "client", summary: "the client at the console", carePlan: plan)
        persona.controlsFromConsole = true
        persona.tenderSpots = plan.tenderSpots.compactMap { spot in
            spot.at.map { Persona.TenderSpot(area: spot.area, at: $0, radius: spot.radius, hurtsAboveLevel: 4) }
        }
        return persona
    }

    /// The simulation's seed for a session: from its id, so a session's record says how to run it again.
    static func seed(_ session: UUID) -> UInt64 {
        let bytes = session.uuid
        let parts = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7]
        return max(1, parts.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 2)
    }
}
