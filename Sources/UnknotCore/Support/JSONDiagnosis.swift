/// Why a JSON text a decoder refused could not be read, in words a person can act on: where the
/// syntax breaks (line and column), nesting deeper than a reader goes, or a number that is valid
/// JSON but not a whole number where whole numbers are read.
///
/// Guarantees: one pass over the bytes, no recursion (a hostile text a million brackets deep
/// costs a counter, not the stack), stops at the first syntax problem; keys are named as a path
/// (`pressure.byArea[2].level`) for the first doubtful number.
public enum JSONDiagnosis {
    /// What was found.
    public enum Finding: Sendable, Hashable {
        /// Not JSON: what was expected at the place, with its line and column (from 1).
        case syntax(line: Int, column: Int, expected: String)
        /// Valid so far but nested deeper than `limit` arrays and objects.
        case tooDeep(limit: Int)
        /// A number with a fraction or an exponent, or too large for a whole number, at `path`.
        case notWhole(path: String, text: String)

        /// The field at fault, if one is.
        public var field: String? {
            if case .notWhole(let path, _) = self { return path }
            return nil
        }

        /// One sentence saying what is wrong and how to fix it.
        public var sentence: String {
            switch self {
            case .syntax(let line, let column, let expected):
                "the body is not valid JSON: at line \(line), column \(column), expected \(expected)"
            case .tooDeep(let limit):
                "the body is nested more than \(limit) arrays or objects deep; nothing here needs more than a few"
            case .notWhole(let path, let text):
                "\(path): \(text) is not a whole number; write it in digits without a fraction or exponent, e.g. 30"
            }
        }
    }

    /// How deep Foundation's `JSONDecoder` reads.
    public static let decoderDepth = 512

    /// The first problem in `bytes`, or `nil` when they are valid JSON with only whole numbers.
    public static func diagnose(_ bytes: some Collection<UInt8>, depthLimit: Int = decoderDepth) -> Finding? {
        var scanner = Scanner(Array(bytes), depthLimit: depthLimit)
        if let bad = firstInvalidUTF8(scanner.bytes) {
            scanner.i = bad
            return scanner.syntax("UTF-8 text")
        }
        return scanner.run()
    }

    /// The offset of the first byte that is not UTF-8, if one is not.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private struct Scanner {
        struct Frame {
            var isObject: Bool
            var key = ""
            var index = 0
        }

        enum Expect { case value, key, colon, commaOrClose, end }

        let bytes: [UInt8]
        let depthLimit: Int
        var i = 0
        var stack: [Frame] = []
        var expect = Expect.value
        /// Just after an opening bracket or a comma: the container may close here (Foundation
        /// reads a trailing comma, so this says nothing against one).
        var mayClose = false
        var doubtful: Finding?

        init(_ bytes: [UInt8], depthLimit: Int) {
            self.bytes = bytes
            self.depthLimit = depthLimit
        }

        mutating func run() -> Finding? {
            while true {
                while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
                guard i < bytes.count else {
                    return expect == .end ? doubtful : syntax("more: the text ends too soon")
                }
                let c = bytes[i]
                switch expect {
                case .end:
                    return syntax("nothing more after the value")
                case .colon:
                    guard c == UInt8(ascii: ":") else { return syntax("':' after the field name") }
                    i += 1
                    expect = .value
                case .key:
                    if c == UInt8(ascii: "}"), mayClose {
                        close()
                        continue
                    }
                    guard c == UInt8(ascii: "\""), let key = string() else {
                        return syntax("a field name in double quotes")
                    }
                    stack[stack.count - 1].key = key
                    expect = .colon
                case .commaOrClose:
                    let top = stack[stack.count - 1]
                    if c == UInt8(ascii: ",") {
                        i += 1
                        mayClose = true
                        if top.isObject {
                            expect = .key
                        } else {
                            stack[stack.count - 1].index += 1
                            expect = .value
                        }
                    } else if c == UInt8(ascii: top.isObject ? "}" : "]") {
                        close()
                    } else {
                        return syntax("',' or '\(top.isObject ? "}" : "]")'")
                    }
                case .value:
                    if let problem = value(c) { return problem }
                }
            }
        }

        mutating func value(_ c: UInt8) -> Finding? {
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < depthLimit else { return .tooDeep(limit: depthLimit) }
                stack.append(Frame(isObject: c == UInt8(ascii: "{")))
                i += 1
                mayClose = true
                expect = c == UInt8(ascii: "{") ? .key : .value
            case UInt8(ascii: "]") where mayClose && stack.last?.isObject == false:
                close()
            case UInt8(ascii: "\""):
                guard string() != nil else { return syntax("a closing '\"' (with no control characters before it)") }
                settled()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard number() else { return syntax("digits in the number") }
                settled()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                let word: [UInt8] = Array(
                    (c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null").utf8)
                guard i + word.count <= bytes.count, Array(bytes[i..<i + word.count]) == word else {
                    return syntax("a value (a string in double quotes, a number, true, false, null, [ or {)")
                }
                i += word.count
                settled()
            default:
                return syntax("a value (a string in double quotes, a number, true, false, null, [ or {)")
            }
            return nil
        }

        mutating func close() {
            i += 1
            stack.removeLast()
            settled()
        }

        mutating func settled() {
            mayClose = false
            expect = stack.isEmpty ? .end : .commaOrClose
        }

        /// Reads a string from its opening quote; `nil` when it never closes or holds a raw
        /// control character or a bad escape.
        mutating func string() -> String? {
            i += 1
            var text: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: text, as: UTF8.self)
                }
                guard c >= 0x20 else { return nil }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < bytes.count else { return nil }
                    let e = bytes[i + 1]
                    if e == UInt8(ascii: "u") {
                        guard let scalar = escapedScalar() else { return nil }
                        text.append(contentsOf: Array(String(Character(scalar)).utf8))
                        continue
                    }
                    guard let plain = Self.escapes[e] else { return nil }
                    text.append(plain)
                    i += 2
                    continue
                }
                text.append(c)
                i += 1
            }
            return nil
        }

        /// Reads `\uXXXX` (a surrogate pair as two) at `i`; `nil` for anything else.
        mutating func escapedScalar() -> Unicode.Scalar? {
            guard let unit = hex(at: i + 2) else { return nil }
            i += 6
            switch unit {
            case 0xD800...0xDBFF:
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                    let low = hex(at: i + 2), (0xDC00...0xDFFF).contains(low)
                else { return nil }
                i += 6
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            case 0xDC00...0xDFFF:
                return nil
            default:
                return Unicode.Scalar(unit)
            }
        }

        /// Four hexadecimal digits at `at`.
        func hex(at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[at..<at + 4] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
                value = value << 4 + UInt32(digit)
            }
            return value
        }

        static let escapes: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]

        /// Reads a number; `false` when it is not one. Notes the first that is not a whole number.
        mutating func number() -> Bool {
            let start = i
            func digits() -> Int {
                let from = i
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                return i - from
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let whole = digits()
            guard whole > 0 else { return false }
            if whole > 1, bytes[i - whole] == UInt8(ascii: "0") { return false }
            var whollyDigits = true
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { return false }
                whollyDigits = false
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { return false }
                whollyDigits = false
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if doubtful == nil, !whollyDigits || Int64(text) == nil {
                doubtful = .notWhole(path: path, text: text)
            }
            return true
        }

        /// Where the scanner is, as a path of keys and indices.
        var path: String {
            var out = ""
            for frame in stack {
                if frame.isObject {
                    out += out.isEmpty ? frame.key : ".\(frame.key)"
                } else {
                    out += "[\(frame.index)]"
                }
            }
            return out.isEmpty ? "(the body)" : out
        }

        func syntax(_ expected: String) -> Finding {
            var line = 1
            var column = 1
            for byte in bytes[..<min(i, bytes.count)] {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return .syntax(line: line, column: column, expected: expected)
        }
    }
}
