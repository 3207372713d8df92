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
        let limit = input.query.limit ?? 20
        guard (1...50).contains(limit) else {
            throw StudioError(.badRequest, field: "limit", "\(limit) versions a page cannot be; ask for 1 to 50")
        }
        let page = try await studio.carePlanVersions(try caller(), limit: limit, before: input.query.before)
        if page.more, let last = page.versions.last {
            RequestCaller.headers?.setNextPage("/api/me/care-plan/versions?limit=\(limit)&before=\(last.version)")
        }
        return .ok(.init(body: .json(try page.versions.map(Components.Schemas.CarePlanVersion.init))))
    }

    func getCarePlanVersion(_ input: Operations.GetCarePlanVersion.Input) async throws
        -> Operations.GetCarePlanVersion.Output
    {
        let version = try await studio.carePlanVersion(try caller(), version: input.path.version)
        return .ok(.init(body: .json(try .init(version))))
    }
}
