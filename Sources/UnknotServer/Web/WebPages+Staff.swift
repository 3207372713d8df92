import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addStaffRoutes(to router: Router<StudioRequestContext>) {
        router.get("/staff") { request, _ in try await respond(request) { try await dashboard(request) } }
        staffAction("stop") { floor, station throws(StudioError) in try await floor.emergencyStop(station: station) }
        staffAction("release") { floor, station throws(StudioError) in
            try await floor.releaseEmergencyStop(station: station)
        }
        staffAction("end") { floor, station throws(StudioError) in try await floor.end(station: station) }

        func staffAction(
            _ action: String, _ run: @escaping @Sendable (LiveFloor, Int) async throws(StudioError) -> Void
        ) {
            router.post("/staff/stations/:station/\(action)") { request, context in
                try await respond(request) {
                    _ = try signedInStaff(request)
                    guard let station = context.parameters.get("station").flatMap({ Int($0) }) else {
                        throw StudioError(.notFound, "there is no such station")
                    }
                    try await run(floor, station)
                    return Self.redirect("/staff")
                }
            }
        }
    }

    /// Every station's live state with its e-stop, the alerts clients allowed, and today's
    /// bookings. The page's script keeps it live; without it, it reloads every ten seconds.
    func dashboard(_ request: Request) async throws -> Response {
        let caller = try signedInStaff(request)
        let state = try await floor.floor()
        let today = studio.today
        let bookings = try await studio.bookings(caller, from: today.description, to: today.description)
        let stored = try await studio.alerts(caller, from: today.description, to: today.description)
        let stations: [[String: Any]] = state.stations.map { station in
            var item: [String: Any] = [
                "id": station.id, "name": station.name,
                "status": station.status.replacingOccurrences(of: "-", with: " "),
            ]
            if let link = station.link {
                item["link"] =
                    "Linked: \(link.simulated ? "simulated arm" : link.robotModel ?? "arm"), \(link.robot) · "
                    + "\(link.software)" + (link.latenessP99.map { String(format: " · loop p99 %.2f ms", $0) } ?? "")
            }
            if let session = station.session {
                var shown: [String: Any] = [
                    "client": session.client, "program": session.program, "state": session.stateText,
                    "remaining": "\(session.remaining / 60_000) min left", "area": session.area ?? "—",
                    "level": session.level, "stopped": session.stopped,
                ]
                // Only when the client lets staff be told (the floor's state leaves it out otherwise).
                if let heartRate = session.heartRate { shown["heart"] = "heart \(heartRate) bpm" }
                item["session"] = shown
            }
            return item
        }
        return render(
            "staff", title: "Studio floor",
            [
                "stations": stations,
                "alerts": state.alerts.map {
                    ["station": $0.station, "client": $0.client, "at": $0.at, "text": $0.text] as [String: Any]
                }
                    + stored.map {
                        [
                            "station": "Station \($0.stationID)", "client": $0.clientName, "at": Self.clock($0.at),
                            "text": $0.reaction,
                        ]
                            as [String: Any]
                    },
                "hasAlerts": !state.alerts.isEmpty || !stored.isEmpty,
                "bookings": bookings.filter { $0.status != .cancelled }.map { booking in
                    var item = bookingContext(booking)
                    item["client"] = booking.clientName ?? "a client"
                    item["time"] = Self.clock(booking.start)
                    return item
                },
                "today": Self.day(today),
            ])
    }
}
