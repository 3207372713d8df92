import Foundation
import OpenAPIRuntime
import UnknotStudio

extension StudioAPI {
    func getCarePlan(_ input: Operations.GetCarePlan.Input) async throws -> Operations.GetCarePlan.Output {
        guard let current = try await studio.currentCarePlan(try caller()) else {
            throw StudioError(.notFound, "you have no care plan yet; write one with PUT /api/me/care-plan")
        }
        return .ok(.init(body: .json(try .init(current))))
    }

    func putCarePlan(_ input: Operations.PutCarePlan.Input) async throws -> Operations.PutCarePlan.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        // The studio reads the plan itself (every problem at once, unknown fields named).
        let data = try JSONEncoder().encode(body)
        let saved = try await studio.saveCarePlan(caller, json: data)
        return .created(.init(body: .json(try .init(saved))))
    }

    func listCarePlanVersions(_ input: Operations.ListCarePlanVersions.Input) async throws
        -> Operations.ListCarePlanVersions.Output
    {
        let versions = try await studio.carePlanVersions(try caller())
        return .ok(.init(body: .json(try versions.map(Components.Schemas.CarePlanVersion.init))))
    }

    func getCarePlanVersion(_ input: Operations.GetCarePlanVersion.Input) async throws
        -> Operations.GetCarePlanVersion.Output
    {
        let version = try await studio.carePlanVersion(try caller(), version: input.path.version)
        return .ok(.init(body: .json(try .init(version))))
    }
}
