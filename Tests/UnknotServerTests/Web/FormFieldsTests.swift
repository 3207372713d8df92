import Foundation
import HTTPTypes
import Testing

@testable import UnknotServer

/// Forms are read by Hummingbird's `URLEncodedFormDecoder` (issue #18: its own pieces at the
/// web edge): check-box groups as `name[]` lists, escapes decoded, a form it cannot read refused.
@Suite("Web: form fields")
struct FormFieldsTests {
    @Test("a check-box group is a list, escapes and + are decoded, an empty value is there, a name twice is refused")
    func decoding() throws {
        let form = try FormFields.decode("length%5B%5D=30&length%5B%5D=45&name=Cleo+C%C3%A9&empty=&price-30=55")
        #expect(form.all("length") == ["30", "45"])
        #expect(form["name"] == "Cleo Cé")
        #expect(form.has("empty") && form["empty"] == "" && !form.has("missing"))
        #expect(form.fields(withPrefix: "price-").map(\.name) == ["price-30"])
        #expect(throws: (any Error).self) { try FormFields.decode("a=1&a=2") }
        #expect(try FormFields.decode("").has("anything") == false)
    }

    @Test("the admin's lengths of a program arrive as a check-box group")
    func programLengths() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let saved = try await client.form(
                "/admin/programs/total-back", token: t.admin,
                [("bookable", "on"), ("acceptsPromoCodes", "on"), ("length[]", "30"), ("length[]", "60")])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.text.prefix(300))")
            let programs = try await client.call(.get, "/api/programs", token: t.admin).array
            let program = programs.first { $0["id"] as? String == "total-back" }
            #expect(program?["lengths"] as? [Int] == [30, 60], "\(programs)")
            let twice = try await client.form(
                "/admin/programs/total-back", token: t.admin, [("bookable", "on"), ("bookable", "on")])
            #expect(twice.status == .badRequest, "\(twice.status)")
        }
    }
}
