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
        var values: [Double] = []
        var sawData = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = trimmed(rawLine, [" ", "\t", "\r"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            let separators: Set<Character> = [",", ";", "\t", " "]
            let fields = line.split(whereSeparator: { separators.contains($0) }).map(String.init)
            let index = column.map { $0 - 1 } ?? fields.count - 1
            guard index >= 0, index < fields.count else {
                throw .noSuchColumn(line: lineNumber, column: column ?? fields.count, found: fields.count)
            }
            let field = trimmed(fields[index], ["\""])
            guard let value = Double(field) else {
                if !sawData, values.isEmpty {
                    sawData = true  // a header line
                    continue
                }
                throw .notANumber(line: lineNumber, column: index + 1, text: field)
            }
            sawData = true
            values.append(value)
        }
        guard !values.isEmpty else { throw .empty }
        return values
    }
}

private func trimmed(_ text: some StringProtocol, _ set: Set<Character>) -> String {
    var s = Substring(text)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
}
