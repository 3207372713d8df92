import Foundation
import HTTPTypes
import Testing

/// Care-plan errors a person can act on (issue #18, defect 4): at their field, in plain words,
/// the section open and what was typed kept; never an internal name.
@Suite("Web: care plan errors")
struct CarePlanPageTests {
    @Test("a date that is not a date stays in its field with the problem beside it, its section open")
    func unreadableDate() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let reply = try await client.form(
                "/care-plan", token: t.cleo, [("mark-calves", "focus"), ("surgery-calves", "31-02-2026")])
            #expect(reply.status == .unprocessableContent)
            let text = reply.text
            #expect(text.contains("id=\"surgery-calves-error\""), "the problem sits at its field")
            #expect(text.contains("value=\"31-02-2026\""), "what was typed is kept")
            #expect(text.contains("aria-describedby=\"surgery-calves-error\""))
            #expect(text.contains("<a href=\"#surgery-calves\">"), "the list at the top links to the field")
            #expect(text.contains("<details open><summary>Health here"), "its section is open")
            #expect(!text.contains("surgery-calves:") && !text.contains("health."), "no internal names")
            #expect(text.contains("The date of the surgery or injury on your calves"))
            // The rest of what was changed is kept on the page too (focus on the calves).
            #expect(text.contains("name=\"mark-calves\" value=\"focus\" checked"))
        }
    }

    @Test("a date in the future is refused by the studio and shown at the same field, in words")
    func futureDate() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let reply = try await client.form("/care-plan", token: t.cleo, [("surgery-calves", "2099-01-01")])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.text.contains("id=\"surgery-calves-error\""), "\(reply.text)")
            #expect(reply.text.contains("The surgery or injury on your calves: 2099-01-01 is in the future"))
            #expect(!reply.text.contains("health.surgeryOrInjury"))
            #expect(reply.text.contains("value=\"2099-01-01\""))
        }
    }
}
