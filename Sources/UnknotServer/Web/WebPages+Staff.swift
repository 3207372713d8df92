import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    func addStaffRoutes(to groups: PageGroups) {
        groups.staff.get("/staff") { request, _ in try await dashboard(request) }
        staffAction("stop") { floor, station, _ throws(StudioError) in try await floor.emergencyStop(station: station) }
        staffAction("release") { floor, station, _ throws(StudioError) in
            try await floor.releaseEmergencyStop(station: station)
        }
        staffAction("end") { floor, station, _ throws(StudioError) in try await floor.end(station: station) }
        staffAction("acknowledge") { floor, station, caller throws(StudioError) in
            try await floor.acknowledgeAlerts(station: station, by: caller)
        }
        // Ending a session cannot be undone: the page asks first (issue #18, defect 5).
        groups.staff.get("/staff/stations/:station/end") { request, context in
            _ = try signedInStaff(request)
            guard let id = context.parameters.get("station").flatMap({ Int($0) }),
                let station = try await floor.floor().stations.first(where: { $0.id == id })
            else { throw StudioError(.notFound, "there is no such station") }
            guard let session = station.session else {
                throw StudioError(.notFound, "no session is running on \(station.name) any more")
            }
            return render(
                "staff-end", title: "End the session?",
                ["id": id, "name": station.name, "client": session.client, "program": session.program])
        }

        func staffAction(
            _ action: String, _ run: @escaping @Sendable (LiveFloor, Int, Caller) async throws(StudioError) -> Void
        ) {
            groups.staff.post("/staff/stations/:station/\(action)") { request, context in
                let caller = try signedInStaff(request)
                guard let station = context.parameters.get("station").flatMap({ Int($0) }) else {
                    throw StudioError(.notFound, "there is no such station")
                }
                try await run(floor, station, caller)
                return Self.redirect("/staff")
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
        let answered = try await studio.dayQuestionsAnswered(caller, bookings: bookings.filter { $0.status == .booked })
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
                    "level": session.level, "stopped": session.stopped, "demo": session.demo,
                    "booking": session.booking ?? "",
                ]
                // Only when the client lets staff be told (the floor's state leaves it out otherwise).
                if let heartRate = session.heartRate { shown["heart"] = "heart \(heartRate) bpm" }
                item["session"] = shown
            }
            // What this station's client asked for and staff have not seen yet: on its card, a call
            // for a person first (issue #18, defect 6).
            let open = (station.alerts ?? []).sorted {
                ($0.callsPerson ? 0 : 1, -$0.minute) < ($1.callsPerson ? 0 : 1, -$1.minute)
            }
            item["openAlerts"] = open.map {
                ["at": $0.at, "text": $0.text, "callsPerson": $0.callsPerson] as [String: Any]
            }
            item["hasOpenAlerts"] = !open.isEmpty
            return item
        }
        return render(
            "staff", title: "Studio floor",
            [
                "stations": stations,
                // One list, newest first, on the studio's clock: alerts of sessions running or just
                // ended here, then those kept in the day's records.
                "alerts":
                    (state.alerts.map {
                        (
                            $0.minute,
                            [
                                "station": $0.station, "client": $0.client, "at": $0.at, "text": $0.text,
                                "seenBy": $0.acknowledgedBy ?? "",
                            ] as [String: Any]
                        )
                    }
                    + stored.map {
                        (
                            $0.at.minutes,
                            [
                                "station": "Station \($0.stationID)", "client": $0.clientName,
                                "at": Self.clock($0.at), "text": Self.sentence(AlertView.words($0.reaction)),
                                "report": "/sessions/\($0.bookingID.uuidString.lowercased())/report",
                            ] as [String: Any]
                        )
                    }).sorted { $0.0 > $1.0 }.map(\.1),
                "hasAlerts": !state.alerts.isEmpty || !stored.isEmpty,
                "bookings": bookings.filter { $0.status != .cancelled }.map { booking in
                    var item = bookingContext(booking)
                    item["client"] = Self.staffClientLabel(booking)
                    item["time"] = Self.clock(booking.start)
                    item["report"] = booking.hasRecord ? "/sessions/\(booking.id.uuidString.lowercased())/report" : ""
                    item["todayAnswered"] = answered.contains(booking.id)
                    return item
                },
                "today": Self.day(today),
            ])
    }
}
