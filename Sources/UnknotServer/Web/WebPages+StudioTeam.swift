import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// The admin's pages for the people and machines that run the studio: the staff (invite,
    /// change a role) and each station's credentials for its link (issue one, shown once; revoke).
    func addStudioTeamRoutes(to groups: PageGroups) {
        groups.admins.get("/admin/staff") { request, _ in try await staffAdminPage(request) }
        groups.admins.post("/admin/staff") { request, _ in
            let caller = try signedInAdmin(request)
            let form = try await FormFields.read(request)
            let role = form["role"].flatMap(Role.init(rawValue:)) ?? .staff
            do throws(StudioError) {
                let invited = try await studio.inviteStaff(
                    caller, email: form["email"] ?? "", name: form["name"] ?? "", role: role)
                return Self.redirect("/admin/staff?saved=\(Self.escapeQuery("\(invited.name) is invited by e-mail."))")
            } catch {
                return try await staffAdminPage(
                    request, problem: Self.sentence(error.message), typed: form, status: .unprocessableContent)
            }
        }
        groups.admins.post("/admin/staff/:id") { request, context in
            let caller = try signedInAdmin(request)
            let form = try await FormFields.read(request)
            guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
                return try await staffAdminPage(
                    request, problem: "Choose a role: staff, admin or client.", status: .unprocessableContent)
            }
            let id = try Self.uuid(context)
            do throws(StudioError) {
                let changed = try await studio.changeRole(caller, account: id, to: role)
                return Self.redirect(
                    "/admin/staff?saved=\(Self.escapeQuery("\(changed.name) is now \(role.rawValue)."))")
            } catch {
                return try await staffAdminPage(
                    request, problem: Self.sentence(error.message), status: .unprocessableContent)
            }
        }
        groups.admins.get("/admin/stations/:id/credentials") { request, context in
            try await credentialsPage(request, station: Self.station(context))
        }
        groups.admins.post("/admin/stations/:id/credentials") { request, context in
            let caller = try signedInAdmin(request)
            let station = try Self.station(context)
            let form = try await FormFields.read(request)
            let issued = try await studio.issueStationCredential(caller, station: station, label: form["label"] ?? "")
            return try await credentialsPage(request, station: station, issued: issued)
        }
        groups.admins.post("/admin/stations/:id/credentials/:credential/revoke") { request, context in
            let caller = try signedInAdmin(request)
            let station = try Self.station(context)
            let id = try Self.uuid(context, "credential")
            _ = try await studio.revokeStationCredential(caller, station: station, id: id)
            await floor.links.close(credential: id)
            return Self.redirect("/admin/stations/\(station)/credentials?revoked=1")
        }
    }

    static func station(_ context: StudioRequestContext) throws -> Int {
        guard let id = context.parameters.get("id").flatMap({ Int($0) }) else {
            throw StudioError(.notFound, "there is no such station; the stations are on the admin page")
        }
        return id
    }

    func staffAdminPage(
        _ request: Request, problem: String? = nil, typed: FormFields? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try signedInAdmin(request)
        let people = try await studio.staffAccounts(caller)
        let chosen = typed?["role"] ?? "staff"
        var values: [String: Any] = [
            "staff": people.map { person in
                [
                    "id": person.id.uuidString.lowercased(), "name": person.name, "email": person.email,
                    "isYou": person.id == caller.accountID,
                    "roles": ["staff", "admin", "client"].map { role in
                        [
                            "value": role, "selected": person.role.rawValue == role,
                            "label": role == "client" ? "no longer staff" : role,
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "name": typed?["name"] ?? "", "email": typed?["email"] ?? "",
            "inviteRoles": ["staff", "admin"].map { ["value": $0, "selected": $0 == chosen] as [String: Any] },
            "saved": request.uri.queryParameters["saved"].map(String.init) ?? "",
        ]
        if let problem { values["problem"] = problem }
        return render("staff-admin", title: "The studio's staff", values, status: status)
    }

    func credentialsPage(_ request: Request, station: Int, issued: IssuedStationCredential? = nil) async throws
        -> Response
    {
        let caller = try signedInAdmin(request)
        guard let view = try await studio.stations(caller).first(where: { $0.id == station }) else {
            throw StudioError(.notFound, "there is no station \(station); the stations are on the admin page")
        }
        let zone = studio.settings.timeZone
        let credentials = try await studio.stationCredentials(caller, station: station)
        return render(
            "credentials", title: "Credentials of \(view.name)",
            [
                "station": station, "stationName": view.name,
                "issued": issued.map { ["token": $0.token, "label": $0.credential.label] as [String: Any] } ?? false,
                "revoked": request.uri.queryParameters["revoked"] != nil,
                "hasCredentials": !credentials.isEmpty,
                "credentials": credentials.map { credential in
                    [
                        "id": credential.id.uuidString.lowercased(),
                        "label": credential.label.isEmpty ? "(no label)" : credential.label,
                        "issued": StudioTime(credential.createdAt, in: zone).spoken,
                        "used": credential.lastUsedAt.map { StudioTime($0, in: zone).spoken } ?? "never",
                        "revokedAt": credential.revokedAt.map { StudioTime($0, in: zone).spoken } ?? "",
                        "active": !credential.isRevoked,
                    ] as [String: Any]
                },
            ])
    }
}
