import Foundation
import Hummingbird
import UnknotConsole
import UnknotCore
import UnknotSession
import UnknotStudio

extension WebPages {
    func addReportRoutes(to groups: PageGroups) {
        groups.signedIn.get("/sessions/:id/report") { request, context in
            let caller = try signedIn(request)
            let id = try Self.uuid(context)
            let (view, text) = try await studio.record(caller, booking: id)
            let booking = try await studio.booking(caller, id: id)
            let mine = booking.clientID == caller.accountID
            let record = mine ? try Self.parse(Data(text.utf8)) : try Self.parse(Data(text.utf8)).seenByStaff()
            var page = reportContext(record, decisions: view.decisions, mine: mine)
            page["id"] = id.uuidString.lowercased()
            page["when"] = Self.when(booking.start)
            page["station"] = "Station \(booking.stationID)"
            let rating = view.feedbackRating ?? 0
            page["rating"] = (1...5).map { value -> [String: Any] in ["value": value, "checked": rating == value] }
            page["comment"] = view.feedbackComment ?? ""
            page["thanks"] = request.uri.queryParameters["thanks"] != nil
            if caller.role == .client {
                let next = try await studio.nextVisit(caller)
                page["nextVisit"] = Self.sentence(next.reason)
                if let date = next.date { page["nextDate"] = Self.day(date) }
            }
            return render("report", title: "Your session report", page)
        }
        groups.clients.get("/demo/:id/report") { request, context in
            let caller = try signedInClient(request)
            guard let demo = await floor.demoRecord(try Self.uuid(context)), demo.info.accountID == caller.accountID
            else {
                throw StudioError(
                    .notFound, "this demo's report is gone (demos are kept until the server restarts)")
            }
            var page = reportContext(try Self.parse(demo.record), decisions: [:], mine: false)
            page["isDemo"] = true
            page["station"] = demo.info.stationName
            page["when"] = "a demo session"
            return render("report", title: "Your demo session report", page)
        }
        groups.clients.post("/sessions/:id/suggestions/:index") { request, context in
            let caller = try signedInClient(request)
            let id = try Self.uuid(context)
            guard let index = context.parameters.get("index").flatMap({ Int($0) }) else {
                throw StudioError(.notFound, "there is no such suggestion")
            }
            let form = try await FormFields.read(request)
            let decision: SuggestionDecision = form["decision"] == "accept" ? .accepted : .dismissed
            let (_, text) = try await studio.record(caller, booking: id)
            let suggestions = try Self.parse(Data(text.utf8)).summary?.suggestions ?? []
            _ = try await studio.decideSuggestion(caller, booking: id, index: index, decision) { plan in
                suggestions.indices.contains(index) ? suggestions[index].applied(to: plan) : nil
            }
            return Self.redirect("/sessions/\(id.uuidString.lowercased())/report#learned")
        }
        groups.clients.post("/sessions/:id/feedback") { request, context in
            let caller = try signedInClient(request)
            let id = try Self.uuid(context)
            let form = try await FormFields.read(request)
            guard let rating = form["rating"].flatMap({ Int($0) }) else {
                throw StudioError(.invalid, field: "rating", "choose how the session was, from 1 to 5 stars")
            }
            _ = try await studio.leaveFeedback(caller, booking: id, rating: rating, comment: form["comment"] ?? "")
            return Self.redirect("/sessions/\(id.uuidString.lowercased())/report?thanks=1#feedback")
        }
    }

    static func parse(_ data: Data) throws(StudioError) -> SessionRecord {
        do {
            return try SessionRecord.parse(data)
        } catch {
            throw StudioError(.unavailable, "the session's record cannot be read: \(error.description)")
        }
    }

    /// Everything the report shows, from the session's record.
    func reportContext(_ record: SessionRecord, decisions: [String: SuggestionDecision], mine: Bool) -> [String: Any] {
        var most: [BodyPartID: Int] = [:]
        for (_, sample) in record.telemetry where sample.contact {
            if let part = sample.part, sample.level > most[part, default: 0] { most[part] = sample.level }
        }
        let summary = record.summary
        let learnedSpots: [(BodySpot, String)] = (summary?.suggestions ?? []).compactMap {
            switch $0 {
            case .addTenderSpot(let spot): (spot, "tender")
            case .addTicklishSpot(let spot): (spot, "ticklish")
            default: nil
            }
        }
        let heatMap = BodyMapDrawing().svg(
            title: "Pressure heat map: the most pressure each area had", id: "heat-map",
            style: { part in
                if let level = most[part] {
                    return .init(
                        fill: BodyMapDrawing.color(level: level),
                        label: "\(part.area.description): up to level \(level)",
                        link: nil)
                }
                return .init(fill: "#efe6dc", label: "\(part.area.description): not worked", link: nil)
            }, spots: learnedSpots)
        let moments = SessionTimelineDrawing.moments(record).map {
            ["at": SessionRecord.clock($0.t), "text": $0.label, "kind": $0.kind] as [String: Any]
        }
        var context: [String: Any] = [
            "program": record.header.programName, "minutes": record.header.minutes,
            "heatMap": heatMap, "timeline": SessionTimelineDrawing.svg(record),
            "moments": moments, "hasMoments": !moments.isEmpty,
            "levels": (1...10).map { ["value": $0, "color": BodyMapDrawing.color(level: $0)] },
            "mine": mine,
            "simulated": record.header.ranOnSimulation, "ranOn": record.header.ranOn,
        ]
        guard let summary else {
            context["incomplete"] = true
            return context
        }
        context["worked"] = "\(summary.workedMilliseconds / 60_000) min \(summary.workedMilliseconds / 1_000 % 60) s"
        context["paused"] =
            summary.pausedMilliseconds > 0
            ? "\(summary.pausedMilliseconds / 60_000) min \(summary.pausedMilliseconds / 1_000 % 60) s" : ""
        context["endReason"] = summary.endReason
        // A simulated body's suggestions are not told to the client as theirs, even in the station's account.
        var told = summary
        if record.header.ranOnSimulation { told.suggestions = [] }
        context["lines"] = told.report().map { ["text": $0] }
        let cried = (summary.reactions[.crying] ?? 0) > 0
        let laughed = (summary.reactions[.laughter] ?? 0) > 0
        context["normalLine"] = cried || laughed ? summary.reassurance : ""
        context["hasNormalLine"] = cried || laughed
        context["relaxation"] = relaxationWords(summary)
        context["suggestions"] = summary.suggestions.enumerated().map { index, suggestion in
            let decided = decisions[String(index)]
            var item: [String: Any] = [
                "index": index, "text": suggestion.plainWords, "undecided": decided == nil && mine,
                "accepted": decided == .accepted, "dismissed": decided == .dismissed,
            ]
            if case .note = suggestion { item["note"] = true; item["undecided"] = false }
            return item
        }
        // What a simulated body "showed" is never offered as a change to a real client's care plan.
        context["hasSuggestions"] = !summary.suggestions.isEmpty && !record.header.ranOnSimulation
        return context
    }

    /// The relaxation summary in plain words: the heart at the start and at the end.
    func relaxationWords(_ summary: SessionSummary) -> String {
        let start = summary.heartAtStart
        let end = summary.heartAtEnd
        guard start.beats > 10, end.beats > 10 else {
            return "The session was too short to compare your heart at the start and at the end."
        }
        let change = Int(summary.heartRateChange.rounded())
        var text =
            change < 0
            ? "Your heart slowed from \(Int(start.heartRate.rounded())) to \(Int(end.heartRate.rounded())) beats a minute"
            : change > 0
                ? "Your heart was a little faster at the end (\(Int(start.heartRate.rounded())) to \(Int(end.heartRate.rounded())) beats a minute)"
                : "Your heart stayed at about \(Int(end.heartRate.rounded())) beats a minute"
        let rmssd = summary.rmssdChange
        if rmssd > 2 {
            text +=
                ", and its rhythm grew more varied (a sign of rest): \(Int(start.rmssd.rounded())) to \(Int(end.rmssd.rounded())) ms."
        } else {
            text += "."
        }
        return text
    }
}
