import FluentKit
import Foundation
import UnknotCore

/// The accounts a new demo studio was given, to print once.
public struct DemoCredentials: Sendable {
    public var accounts: [(role: Role, email: String, password: String)]
}

extension Studio {
    /// On an empty database, sets up a demo studio: four stations with the standard hours and a
    /// ten-minute cleaning buffer, the `BLOG` code, an admin, a member of staff and a demo client
    /// with a care plan, each with a new random password. `nil` when the studio has accounts.
    public func setUpDemoIfEmpty() async throws(StudioError) -> DemoCredentials? {
        try await prepareCatalog()
        let accounts = try await database.read { db in try await AccountRow.query(on: db).count() }
        guard accounts == 0 else { return nil }
        let hours = Self.json(OpeningHours.standard)
        try await database.write { db in
            for n in 1...4 {
                try await StationRow(
                    id: n, name: "Station \(n)", status: .inService, cleaningBuffer: Self.defaultCleaningBuffer,
                    hours: hours
                ).create(on: db)
            }
            if try await PromoCodeRow.find(PromoCode.blog.code, on: db) == nil {
                try await self.installPromoCode(.blog, on: db)
            }
        }
        var made: [(role: Role, email: String, password: String)] = []
        for (role, email, name) in [
            (Role.admin, "admin@unknot.local", "Studio admin"), (.staff, "staff@unknot.local", "Front desk"),
            (.client, "client@unknot.local", "Demo client"),
        ] {
            let password = String(Secret.make().prefix(16))
            _ = try await createAccount(email: email, name: name, password: password, role: role)
            made.append((role, email, password))
        }
        if let client = made.last {
            let signedIn = try await logIn(email: client.email, password: client.password)
            let caller = Caller(accountID: signedIn.account.id, role: .client, name: signedIn.account.name)
            let plan = CarePlan(
                focusAreas: [BodyArea(.upperBack), BodyArea(.neck)],
                pressure: PressurePreference(level: PressureLevel(clamping: 5)), staffMayBeAlerted: true)
            if let data = try? plan.exportJSON() { _ = try await saveCarePlan(caller, json: data) }
            try await logOut(token: signedIn.token)
        }
        return DemoCredentials(accounts: made)
    }
}
