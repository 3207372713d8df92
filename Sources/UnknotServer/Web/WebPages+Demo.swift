import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// A demo session (no booking) asks the day's questions first, as a booked session does: the
    /// answers apply to this demo only and are kept nowhere; a fever or an infection refuses it.
    func addDemoRoutes(to groups: PageGroups) {
        groups.clients.get("/demo/today") { request, _ in try await demoTodayPage(request) }
        groups.clients.post("/demo") { request, _ in
            let caller = try signedInClient(request)
            let form = try await FormFields.read(request)
            // The front page's button: the questions first.
            if DayAnswers.fields.allSatisfy({ form[$0] == nil }) { return Self.redirect("/demo/today") }
            var answers = DayAnswers()
            var missing: [String] = []
            for field in DayAnswers.fields {
                switch form[field] {
                case "yes": answers[field] = true
                case "no": answers[field] = false
                default: missing.append(field)
                }
            }
            guard missing.isEmpty else {
                return try await demoTodayPage(request, typed: form, missing: missing, status: .unprocessableContent)
            }
            let refusal: StudioError
            do throws(StudioError) {
                let info = try await floor.startDemo(by: caller, today: answers)
                return Self.redirect("/console/\(info.id.uuidString.lowercased())")
            } catch {
                refusal = error
            }
            guard refusal.field == "today" else { throw refusal }
            return try await demoTodayPage(
                request, typed: form, refusals: refusal.problems.map { Self.sentence($0.message) + "." },
                status: .unprocessableContent)
        }
    }

    func demoTodayPage(
        _ request: Request, typed: FormFields? = nil, missing: [String] = [], refusals: [String] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try signedInClient(request)
        let questions: [[String: Any]] = DayAnswers.questions.map { question in
            let answer = typed?[question.field]
            return [
                "field": question.field, "question": question.question, "yes": answer == "yes", "no": answer == "no",
                "invalid": missing.contains(question.field),
            ]
        }
        let values: [String: Any] = [
            "isClient": true, "isDemo": true, "action": "/demo", "questions": questions,
            "ruledOut": !refusals.isEmpty, "refusals": refusals, "hasProblems": !missing.isEmpty,
            "problems": missing.compactMap { field in
                DayAnswers.questions.first { $0.field == field }.map {
                    ["field": field, "text": "\($0.question) Answer yes or no."]
                }
            },
        ]
        return render("today", title: "How are you today?", values, status: status)
    }
}
