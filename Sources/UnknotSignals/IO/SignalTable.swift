/// Numbers in columns, read from CSV (comma, semicolon or tab) or whitespace-separated text.
/// Lines starting with `#` and one leading header line are skipped.
///
/// Guarantees: every row kept has a number in the chosen column; a malformed row is an error
/// naming its line, never a silent gap.
public enum SignalTable {
    public enum ReadError: Error, CustomStringConvertible, Equatable {
        case empty
        case noSuchColumn(line: Int, column: Int, found: Int)
        case notANumber(line: Int, column: Int, text: String)

        public var description: String {
            switch self {
            case .empty: "the file has no samples; give a text or CSV file with one sample per line"
            case .noSuchColumn(let line, let column, let found):
                "line \(line) has \(found) column\(found == 1 ? "" : "s"), so there is no column \(column); choose one with --column"
            case .notANumber(let line, let column, let text):
                "line \(line), column \(column): \"\(text)\" is not a number"
            }
        }
    }

    /// The values of column `column` (1-based; `nil` for the last column).
    public static func column(_ column: Int?, of text: String) throws(ReadError) -> [Double] {
        var text = text
        var result: Result<[Double], ReadError> = .failure(.empty)
        text.withUTF8 { bytes in result = parse(bytes, column: column) }
        return try result.get()
    }

    /// Works on bytes: a recording can have millions of lines.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, column: Int?) -> Result<[Double], ReadError> {
        var values: [Double] = []
        values.reserveCapacity(bytes.count / 8)
        var sawData = false
        var lineNumber = 0
        var lineStart = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            // Fields, split at commas, semicolons, tabs and spaces; \r and quotes trimmed.
            fields.removeAll(keepingCapacity: true)
            var i = lineStart
            while i < lineEnd {
                while i < lineEnd, isSeparator(bytes[i]) { i += 1 }
                guard i < lineEnd else { break }
                let start = i
                while i < lineEnd, !isSeparator(bytes[i]) { i += 1 }
                var a = start
                var b = i
                while a < b, bytes[a] == 0x22 { a += 1 }
                while b > a, bytes[b - 1] == 0x22 { b -= 1 }
                if a < b { fields.append(a..<b) }
            }
            if fields.isEmpty { continue }
            if bytes[fields[0].lowerBound] == 0x23 { continue }  // a # comment
            let index = column.map { $0 - 1 } ?? fields.count - 1
            guard index >= 0, index < fields.count else {
                return .failure(.noSuchColumn(line: lineNumber, column: column ?? fields.count, found: fields.count))
            }
            let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self)
            guard let value = Double(field) else {
                if !sawData, values.isEmpty {
                    sawData = true  // a header line
                    continue
                }
                return .failure(.notANumber(line: lineNumber, column: index + 1, text: field))
            }
            sawData = true
            values.append(value)
        }
        return values.isEmpty ? .failure(.empty) : .success(values)
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x3B || byte == 0x09 || byte == 0x20 || byte == 0x0D
    }
}
