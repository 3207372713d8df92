import Foundation
import Hummingbird
import UnknotConsole
import UnknotCore
import UnknotStudio

extension WebPages {
    func addCarePlanRoutes(to router: Router<StudioRequestContext>) {
        router.get("/care-plan") { request, _ in
            try await respond(request) {
                let caller = try signedInClient(request)
                let plan = try await studio.currentCarePlan(caller)
                let welcome = request.uri.queryParameters["welcome"] != nil
                let saved = request.uri.queryParameters["saved"].map(String.init)
                return carePlanPage(
                    plan?.plan ?? CarePlan(), version: plan?.version,
                    extra: [
                        "welcome": welcome && plan == nil, "saved": saved ?? "", "wasSaved": saved != nil,
                    ])
            }
        }
        router.post("/care-plan") { request, _ in
            try await respond(request) {
                let caller = try signedInClient(request)
                let form = try await FormFields.read(request)
                let current = try await studio.currentCarePlan(caller)
                let (plan, formProblems) = CarePlanForm.plan(from: form, current: current?.plan ?? CarePlan())
                guard formProblems.isEmpty else {
                    return carePlanPage(
                        plan, version: current?.version, problems: formProblems.map(\.description),
                        status: .unprocessableContent)
                }
                do throws(StudioError) {
                    let saved = try await studio.saveCarePlan(caller, plan: plan)
                    return Self.redirect("/care-plan?saved=\(saved.version)")
                } catch {
                    let problems =
                        error.problems.isEmpty
                        ? [error.description] : error.problems.map { "\($0.field): \($0.message)" }
                    return carePlanPage(
                        plan, version: current?.version, problems: problems, status: .unprocessableContent)
                }
            }
        }
        router.get("/care-plan/card") { request, _ in
            try await respond(request) {
                let caller = try signedInClient(request)
                let plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
                let lines = plan.card(name: caller.name).split(separator: "\n", omittingEmptySubsequences: false)
                let map = carePlanMap(plan, interactive: false)
                return render(
                    "card", title: "Care card for \(caller.name)",
                    ["lines": lines.map { ["text": String($0), "blank": $0.isEmpty] as [String: Any] }, "map": map])
            }
        }
        router.get("/care-plan/export.json") { request, _ in
            try await respond(request) {
                let caller = try signedInClient(request)
                let plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                headers[.contentDisposition] = "attachment; filename=\"care-plan.json\""
                return Response(
                    status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try plan.exportJSON())))
            }
        }
    }

    func carePlanPage(
        _ plan: CarePlan, version: Int?, problems: [String] = [], extra: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = CarePlanForm.context(plan)
        for (key, value) in extra { context[key] = value }
        context["map"] = carePlanMap(plan, interactive: true)
        context["version"] = version.map { "version \($0)" } ?? "not saved yet"
        context["problems"] = problems.map { ["text": $0] }
        context["hasProblems"] = !problems.isEmpty
        return render("care-plan", title: "Your care plan", context, status: status)
    }

    /// The body map of a care plan: each region coloured by what the client marked, linked to
    /// its place in the form.
    func carePlanMap(_ plan: CarePlan, interactive: Bool) -> String {
        BodyMapDrawing().svg(
            title: "Your body map: click a region to mark it", id: interactive ? "care-map" : "card-map",
            style: { part in
                let mark = CarePlanForm.mark(part, in: plan)
                let words =
                    switch mark {
                    case "avoid": "avoid"
                    case "off": "sensitive, off until you agree"
                    case "none": "no preference"
                    default: mark
                    }
                return .init(
                    fill: CarePlanForm.markColors[mark] ?? "#efe6dc",
                    label:
                        "\(part.region.displayName.prefix(1).uppercased())\(part.region.displayName.dropFirst()): \(words)",
                    link: interactive ? "#region-\(part.region.rawValue)" : nil)
            },
            spots: plan.tenderSpots.filter { $0.at != nil }.map { ($0, "tender") }
                + plan.ticklishSpots.filter { $0.at != nil }.map { ($0, "ticklish") })
    }
}
