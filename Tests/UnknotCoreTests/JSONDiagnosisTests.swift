import Foundation
import PropertyBased
import Testing
import UnknotCore
import UnknotTesting

/// What `JSONDiagnosis` says of texts a decoder refused: where the syntax breaks, nesting too
/// deep, a number that is not whole (issue #17, finding 13).
@Suite("JSON diagnosis")
struct JSONDiagnosisTests {
    static func diagnose(_ text: String) -> JSONDiagnosis.Finding? { JSONDiagnosis.diagnose(Array(text.utf8)) }

    @Test("valid JSON with whole numbers has nothing to say")
    func valid() {
        for text in [
            #"{}"#, #"[]"#, #" {"a": [1, -2, 0, {"b": null}], "c": "x\"y\\u00e9", "d": true, "e": false} "#, "42",
            #""text""#, "[[], {}, [[]]]", "-9223372036854775808", "[1, 2,]", "{\"a\": 1,}",
        ] {
            #expect(Self.diagnose(text) == nil, "\(text)")
        }
    }

    @Test("a broken text is named by line and column, with what was expected there")
    func syntax() {
        #expect(
            Self.diagnose(#"{"program": "total-back", "minutes": 30"#)
                == .syntax(line: 1, column: 40, expected: "more: the text ends too soon"))
        #expect(
            Self.diagnose("{\n  \"a\": 1,\n  2}")
                == .syntax(line: 3, column: 3, expected: "a field name in double quotes"))
        #expect(
            Self.diagnose("[1,, 2]")
                == .syntax(
                    line: 1, column: 4,
                    expected: "a value (a string in double quotes, a number, true, false, null, [ or {)"))
        #expect(Self.diagnose("[,]") != nil && Self.diagnose("{,}") != nil)
        #expect(Self.diagnose(#"{"a" 1}"#) == .syntax(line: 1, column: 6, expected: "':' after the field name"))
        #expect(Self.diagnose("[1 2]") == .syntax(line: 1, column: 4, expected: "',' or ']'"))
        #expect(Self.diagnose("{} {}") == .syntax(line: 1, column: 4, expected: "nothing more after the value"))
        #expect(Self.diagnose("[01]")?.sentence.contains("digits in the number") == true)
        #expect(Self.diagnose("[tru]") != nil)
        #expect(Self.diagnose("\"a\u{01}b\"") != nil, "a raw control character in a string")
        #expect(Self.diagnose(#"["\x"]"#) != nil, "an escape JSON does not have")
        #expect(Self.diagnose("") == .syntax(line: 1, column: 1, expected: "more: the text ends too soon"))
    }

    @Test("nesting deeper than the decoder reads is said as such, even a million deep, without recursion")
    func deep() {
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(Self.diagnose(fine) == nil)
        let deep = "{\"program\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(Self.diagnose(deep) == .tooDeep(limit: 512))
        #expect(Self.diagnose(String(repeating: "[", count: 1_000_000)) == .tooDeep(limit: 512))
    }

    @Test("a fraction, an exponent or a number too large for a whole number is named with its field")
    func notWhole() {
        #expect(Self.diagnose(#"{"program":"total-back","minutes":30.5}"#) == .notWhole(path: "minutes", text: "30.5"))
        #expect(Self.diagnose(#"{"minutes":1e400}"#) == .notWhole(path: "minutes", text: "1e400"))
        #expect(
            Self.diagnose(#"{"pressure":{"byArea":[{"level":3},{"level":99999999999999999999}]}}"#)
                == .notWhole(path: "pressure.byArea[1].level", text: "99999999999999999999"))
        #expect(Self.diagnose("[1.0]") == .notWhole(path: "[0]", text: "1.0"))
        #expect(
            Self.diagnose(#"{"minutes":30.5}"#)?.sentence
                == "minutes: 30.5 is not a whole number; write it in digits without a fraction or exponent, e.g. 30")
    }

    @Test("whatever bytes it is given, it answers (never traps), and it agrees with Foundation on validity")
    func anyBytes() async {
        let seedTexts = [
            #"{"a":[1,2,{"b":"c\"d"}],"e":null,"f":-0.5e3}"#, #"[true,false,{"x":[[]]}]"#, #""\u00e9\n""#,
        ]
        await propertyCheck(count: 300, input: Gen.uint64().withoutShrink()) { seed in
            var generator = SeededGenerator(seed: seed)
            var bytes = Array(seedTexts[Int(seed % UInt64(seedTexts.count))].utf8)
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(UInt8.random(in: 0...127, using: &generator), at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                }
                if bytes.isEmpty { bytes = [0x5B] }
            }
            let finding = JSONDiagnosis.diagnose(bytes)
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil
            var syntaxProblem = false
            if case .syntax? = finding { syntaxProblem = true }
            #expect(
                foundation == !syntaxProblem,
                "\(String(decoding: bytes, as: UTF8.self)): \(String(describing: finding))")
        }
    }
}
