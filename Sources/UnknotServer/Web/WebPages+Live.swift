import Foundation
import Hummingbird
import UnknotConsole
import UnknotCore
import UnknotStudio

extension WebPages {
    func addLiveRoutes(to groups: PageGroups) {
        groups.signedIn.post("/bookings/:id/start") { request, context in
            let caller = try signedIn(request)
            let id = try Self.uuid(context)
            var started: LiveSessionInfo?
            var refusal: StudioError?
            do throws(StudioError) {
                started = try await floor.start(booking: id, by: caller)
            } catch {
                refusal = error
            }
            // The day's questions first, then on to the session.
            if refusal?.field == "today" {
                return Self.redirect("/bookings/\(id.uuidString.lowercased())/today?then=start")
            }
            if let refusal { throw refusal }
            guard let info = started else { throw StudioError(.unavailable, "the session did not start; try again") }
            return Self.redirect(caller.role.isStaff ? "/staff" : "/console/\(info.id.uuidString.lowercased())")
        }
        addDemoRoutes(to: groups)
        groups.clients.get("/console/:id") { request, context in
            let caller = try signedInClient(request)
            let id = try Self.uuid(context)
            guard let live = await floor.session(id), live.info.accountID == caller.accountID else {
                throw StudioError(.notFound, "there is no live session of yours here; start one from your bookings")
            }
            let info = live.info
            var notes = info.isDemo ? ["demo"] : []
            if await floor.isSimulated(station: info.stationID) { notes.append("a simulated station") }
            let html = pages.console.html(
                .init(program: info.programName, minutes: info.minutes, station: info.stationName, notes: notes),
                session: info.id, socket: "/console/\(info.id.uuidString.lowercased())/live", assets: "/static")
            return PageRenderer.html(html)
        }
    }

    /// The client's sessions running now, for the "back to your session" links (a closed tab must
    /// never leave a station paused with no way back).
    func rejoinable(_ caller: Caller) async -> [[String: Any]] {
        await floor.running(for: caller.accountID).map { info in
            [
                "console": "/console/\(info.id.uuidString.lowercased())", "program": info.programName,
                "station": info.stationName, "stationId": info.stationID,
                "booking": info.bookingID?.uuidString.lowercased() ?? "",
            ]
        }
    }
}
