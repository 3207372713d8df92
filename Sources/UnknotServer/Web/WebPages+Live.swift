import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addLiveRoutes(to router: Router<BasicRequestContext>) {
        router.post("/bookings/:id/start") { request, context in
            try await respond(request) {
                let caller = try signedIn(request)
                let info = try await floor.start(booking: try Self.uuid(context), by: caller)
                return Self.redirect(caller.role.isStaff ? "/staff" : "/console/\(info.id.uuidString.lowercased())")
            }
        }
        router.post("/demo") { request, _ in
            try await respond(request) {
                let caller = try signedInClient(request)
                let info = try await floor.startDemo(by: caller)
                return Self.redirect("/console/\(info.id.uuidString.lowercased())")
            }
        }
        router.get("/console/:id") { request, context in
            try await respond(request) {
                let caller = try signedInClient(request)
                let id = try Self.uuid(context)
                guard let live = await floor.session(id), live.info.accountID == caller.accountID else {
                    throw StudioError(.notFound, "there is no live session of yours here; start one from your bookings")
                }
                let info = live.info
                let map = BodyMapDrawing().svg(
                    title: "Where the arm is, and the pressure so far", id: "live-map",
                    style: { part in
                        .init(fill: "#efe6dc", label: part.area.description, link: nil)
                    }, withContact: true)
                return render(
                    "console", title: "Your session",
                    [
                        "id": info.id.uuidString.lowercased(), "program": info.programName, "minutes": info.minutes,
                        "station": info.stationName, "map": map, "isDemo": info.isDemo,
                        "simulated": await floor.isSimulated(station: info.stationID),
                        "levels": (1...10).map { ["value": $0, "color": BodyMapDrawing.color(level: $0)] },
                    ])
            }
        }
    }

    /// The client's sessions running now, for the "back to your session" links (a closed tab must
    /// never leave a station paused with no way back).
    func rejoinable(_ caller: Caller) async -> [[String: Any]] {
        await floor.running(for: caller.accountID).map { info in
            [
                "console": "/console/\(info.id.uuidString.lowercased())", "program": info.programName,
                "station": info.stationName, "booking": info.bookingID?.uuidString.lowercased() ?? "",
            ]
        }
    }
}
