import Foundation

/// Reads a document a person wrote (a care plan, a scenario), one field at a time, so that every
/// problem in it is found in one pass: a wrong value is named with its path, what was found and
/// the valid choices or range, and reading goes on with the next field.
///
/// Guarantees: never throws and never stops early; a field that cannot be read is left at its
/// default and named in ``problems``; unknown fields are named with the nearest known name.
public struct DocumentReader: Sendable {
    public private(set) var problems: [FieldProblem] = []

    public init() {}

    /// Takes the problems another reader found (e.g. in a care plan inside this document).
    public mutating func adopt(_ others: [FieldProblem]) { problems += others }

    /// Names a problem with `field`, in the reader's list.
    public mutating func problem(_ field: String, _ message: String) {
        problems.append(CarePlanProblem(field: field, message: message))
    }

    /// The fields of an object, after naming any that are not among `known`; `nil` (and a
    /// problem) when the value is not an object.
    public mutating func object(
        _ value: JSONValue, at path: String, known: [String], example: String, what: String = "care plan"
    )
        -> [String: JSONValue]?
    {
        guard case .object(let fields) = value else {
            problem(path.isEmpty ? "(top level)" : path, "is \(value.kindName); write an object like \(example)")
            return nil
        }
        let prefix = path.isEmpty ? "" : path + "."
        problems += FieldProblem.unknownKeys(in: fields, known: known, path: prefix, what: what)
        return fields
    }

    /// Each element read by `element`; elements that cannot be read are named and left out.
    public mutating func list<T>(
        _ value: JSONValue, at path: String, example: String, element: (inout Self, JSONValue, String) -> T?
    ) -> [T]? {
        guard case .array(let items) = value else {
            problem(path, "is \(value.kindName); write a list like \(example)")
            return nil
        }
        var out: [T] = []
        for (i, item) in items.enumerated() {
            if let read = element(&self, item, "\(path)[\(i)]") { out.append(read) }
        }
        return out
    }

    public mutating func bool(_ value: JSONValue, at path: String) -> Bool? {
        guard case .bool(let flag) = value else {
            problem(path, "is \(value.shortText); write true or false")
            return nil
        }
        return flag
    }

    /// A number in `range`; with no range, any number (the plan's own checks judge it later).
    public mutating func number(_ value: JSONValue, at path: String, range: ClosedRange<Double>?, unit: String)
        -> Double?
    {
        guard case .number(let number) = value, range?.contains(number) ?? true else {
            let wanted = range.map { "from \($0.lowerBound.clean) to \($0.upperBound.clean)" } ?? ""
            problem(path, "is \(value.shortText); write a number \(wanted)\(unit)")
            return nil
        }
        return number
    }

    public mutating func wholeNumber(_ value: JSONValue, at path: String, range: ClosedRange<Int>, meaning: String)
        -> Int?
    {
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9,
            range.contains(Int(number))
        else {
            problem(path, "is \(value.shortText); \(meaning)")
            return nil
        }
        return Int(number)
    }

    public mutating func level(_ value: JSONValue, at path: String, meaning: String) -> PressureLevel? {
        wholeNumber(value, at: path, range: 1...10, meaning: meaning).flatMap(PressureLevel.init)
    }

    public mutating func text(_ value: JSONValue, at path: String) -> String? {
        guard case .string(let text) = value else {
            problem(path, "is \(value.kindName); write text in quotes")
            return nil
        }
        return text
    }

    public mutating func area(_ value: JSONValue, at path: String) -> BodyArea? {
        guard case .string(let text) = value, let area = try? BodyArea(parsing: text) else {
            problem(path, "is \(value.shortText); \(Self.areaChoices)")
            return nil
        }
        return area
    }

    public mutating func region(_ value: JSONValue, at path: String) -> BodyRegion? {
        guard case .string(let text) = value, let region = BodyRegion(rawValue: text) else {
            problem(
                path,
                "is \(value.shortText); choose a region: " + BodyRegion.allCases.map(\.rawValue).joined(separator: ", ")
            )
            return nil
        }
        return region
    }

    public mutating func date(_ value: JSONValue, at path: String) -> CalendarDate? {
        guard case .string(let text) = value, let date = CalendarDate(text) else {
            problem(path, "is \(value.shortText); write the day as YYYY-MM-DD, e.g. 2026-10-01")
            return nil
        }
        return date
    }

    /// One of a fixed set of words; the message lists every choice, with what each means when
    /// `meaning` says so, and `otherwise` after them (e.g. what leaving the field out does).
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ value: JSONValue, at path: String, meaning: (Choice) -> String? = { _ in nil }, otherwise: String = ""
    ) -> Choice? where Choice.RawValue == String {
        if case .string(let text) = value, let choice = Choice(rawValue: text) { return choice }
        let choices = Choice.allCases.map { choice in
            meaning(choice).map { "\"\(choice.rawValue)\" (\($0))" } ?? "\"\(choice.rawValue)\""
        }
        problem(path, "is \(value.shortText); choose one of " + choices.joined(separator: ", ") + otherwise)
        return nil
    }

    public static let areaChoices =
        "write a body region (" + BodyRegion.allCases.map(\.rawValue).joined(separator: ", ")
        + "), with \"left\" or \"right\" before it for one side of a region that has two"
}

extension Double {
    fileprivate var clean: String { rounded() == self ? "\(Int(self))" : "\(self)" }
}
