import Foundation
import OpenAPIRuntime
import UnknotStudio

extension StudioAPI {
    func listStations(_ input: Operations.ListStations.Input) async throws -> Operations.ListStations.Output {
        .ok(.init(body: .json(try await studio.stations(try caller()).map(Components.Schemas.Station.init))))
    }

    func createStation(_ input: Operations.CreateStation.Input) async throws -> Operations.CreateStation.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let change = try Self.stationChange(
            name: body.name, status: body.status?.rawValue, buffer: body.cleaningBufferMinutes, hours: body.hours)
        return .created(.init(body: .json(.init(try await studio.createStation(caller, change)))))
    }

    func updateStation(_ input: Operations.UpdateStation.Input) async throws -> Operations.UpdateStation.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let change = try Self.stationChange(
            name: body.name, status: body.status?.rawValue, buffer: body.cleaningBufferMinutes, hours: body.hours)
        return .ok(.init(body: .json(.init(try await studio.updateStation(caller, id: input.path.stationId, change)))))
    }

    static func stationChange(name: String?, status: String?, buffer: Int?, hours: [[String]]?) throws(StudioError)
        -> StationChange
    {
        var opening: OpeningHours?
        if let hours {
            do {
                opening = try OpeningHours(text: hours)
            } catch {
                throw StudioError(.invalid, field: "hours", error.description)
            }
        }
        return StationChange(
            name: name, status: status.flatMap(StationStatus.init(rawValue:)), cleaningBuffer: buffer, hours: opening)
    }
}

extension StudioAPI {
    func listStationCredentials(_ input: Operations.ListStationCredentials.Input) async throws
        -> Operations.ListStationCredentials.Output
    {
        let list = try await studio.stationCredentials(try caller(), station: input.path.stationId)
        return .ok(.init(body: .json(list.map(Components.Schemas.StationCredential.init))))
    }

    func issueStationCredential(_ input: Operations.IssueStationCredential.Input) async throws
        -> Operations.IssueStationCredential.Output
    {
        var label = ""
        if case .json(let body)? = input.body { label = body.label ?? "" }
        let issued = try await studio.issueStationCredential(try caller(), station: input.path.stationId, label: label)
        return .created(.init(body: .json(.init(credential: .init(issued.credential), token: issued.token))))
    }

    func revokeStationCredential(_ input: Operations.RevokeStationCredential.Input) async throws
        -> Operations.RevokeStationCredential.Output
    {
        let caller = try caller()
        guard let id = UUID(uuidString: input.path.credentialId) else {
            throw StudioError(
                .invalid, field: "credentialId",
                "give the credential's id as listed at /api/stations/\(input.path.stationId)/credentials")
        }
        let revoked = try await studio.revokeStationCredential(caller, station: input.path.stationId, id: id)
        await stationLinks.close(credential: id)
        return .ok(.init(body: .json(.init(revoked))))
    }
}

extension Components.Schemas.StationCredential {
    init(_ credential: StationCredential) {
        self.init(
            id: credential.id.uuidString.lowercased(), stationId: credential.stationID, label: credential.label,
            createdAt: credential.createdAt, revoked: credential.isRevoked, revokedAt: credential.revokedAt,
            lastUsedAt: credential.lastUsedAt)
    }
}
