import Foundation
import Testing
import UnknotCore
import UnknotStudio

/// A studio whose database has shut down while requests were still coming (a server stopping, a
/// test's studio torn down under a request in flight). Found in CI: issuing a station credential
/// then force-unwrapped a database handle that no longer existed, and the whole process crashed.
@Suite("A closed database")
struct ClosedDatabaseTests {
    @Test("reads and writes after shutdown fail as unavailable, and the process lives on")
    func unavailableAfterShutdown() async throws {
        let clock = SettableClock(Date(timeIntervalSince1970: 1_795_420_800))
        try await StudioOnDisk.run("closed", clock: clock) { studio in
            try await studio.prepareCatalog()
            let admin = try await studio.createAccount(
                email: "admin@closed.example", name: "Admin", password: "long enough pass", role: .admin)
            let caller = Caller(accountID: admin.id, role: .admin, name: "Admin")
            let station = try await studio.createStation(caller, StationChange(name: "Table 1", cleaningBuffer: 10))
            await studio.database.shutdown()

            do throws(StudioError) {
                _ = try await studio.issueStationCredential(caller, station: station.id, label: "after")
                Issue.record("a credential was issued on a closed database")
            } catch {
                #expect(error.kind == .unavailable, "\(error)")
            }
            do throws(StudioError) {
                _ = try await studio.stations(caller)
                Issue.record("a read on a closed database answered")
            } catch {
                #expect(error.kind == .unavailable, "\(error)")
            }
            do throws(StudioError) {
                _ = try await studio.createAccount(
                    email: "late@closed.example", name: "Late", password: "long enough pass")
                Issue.record("a write on a closed database answered")
            } catch {
                #expect(error.kind == .unavailable, "\(error)")
            }
            #expect(await studio.database.isHealthy() == false)
        }
    }
}
