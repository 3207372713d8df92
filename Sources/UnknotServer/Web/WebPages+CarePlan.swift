import Foundation
import Hummingbird
import UnknotConsole
import UnknotCore
import UnknotStudio

extension WebPages {
    func addCarePlanRoutes(to groups: PageGroups) {
        groups.clients.get("/care-plan") { request, _ in
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
        groups.clients.post("/care-plan") { request, _ in
            let caller = try signedInClient(request)
            let form = try await FormFields.read(request)
            let current = try await studio.currentCarePlan(caller)
            let (plan, formProblems) = CarePlanForm.plan(from: form, current: current?.plan ?? CarePlan())
            // What was typed stays in its field, whatever was wrong (nothing is lost).
            let typed = Dictionary(
                form.fields(withPrefix: "surgery-").map { ($0.name, $0.value) },
                uniquingKeysWith: { first, _ in first })
            guard formProblems.isEmpty else {
                return carePlanPage(
                    plan, version: current?.version, problems: formProblems.map { ($0.field, $0.message) },
                    typed: typed, status: .unprocessableContent)
            }
            do throws(StudioError) {
                let saved = try await studio.saveCarePlan(caller, plan: plan)
                return Self.redirect("/care-plan?saved=\(saved.version)")
            } catch {
                let found =
                    error.problems.isEmpty
                    ? [StudioError.Problem(field: error.field ?? "", message: error.message)] : error.problems
                let problems = found.map { CarePlanForm.formProblem($0.field, $0.message, in: plan) }
                return carePlanPage(
                    plan, version: current?.version, problems: problems, typed: typed,
                    status: .unprocessableContent)
            }
        }
        groups.clients.get("/care-plan/card") { request, _ in
            let caller = try signedInClient(request)
            let plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
            let lines = plan.card(name: caller.name).split(separator: "\n", omittingEmptySubsequences: false)
            let map = carePlanMap(plan, interactive: false)
            return render(
                "card", title: "Care card for \(caller.name)",
                ["lines": lines.map { ["text": String($0), "blank": $0.isEmpty] as [String: Any] }, "map": map])
        }
        groups.clients.get("/care-plan/export.json") { request, _ in
            let caller = try signedInClient(request)
            let plan = try await studio.currentCarePlan(caller)?.plan ?? CarePlan()
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.contentDisposition] = "attachment; filename=\"care-plan.json\""
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try plan.exportJSON())))
        }
    }

    /// The care plan page; each problem (its form field, when it has one, and its words) is listed
    /// at the top with a link to its field and said again beside the field.
    func carePlanPage(
        _ plan: CarePlan, version: Int?, problems: [(field: String?, text: String)] = [],
        typed: [String: String] = [:], extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        var errors: [String: String] = [:]
        for problem in problems { if let field = problem.field, errors[field] == nil { errors[field] = problem.text } }
        var context = CarePlanForm.context(plan, typed: typed, errors: errors)
        for (key, value) in extra { context[key] = value }
        context["map"] = carePlanMap(plan, interactive: true)
        context["version"] = version.map { "version \($0)" } ?? "not saved yet"
        context["problems"] = problems.map { ["text": $0.text, "field": $0.field ?? ""] }
        context["levelError"] = errors["level"] ?? ""
        context["painLimitError"] = errors["painLimit"] ?? ""
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
