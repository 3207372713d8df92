import Foundation

/// The programs a studio offers: the bundled ones plus any a studio adds from its own files.
///
/// Guarantees: every program in a catalog has a unique id, bookable lengths, phases whose shares
/// add up to 1, and techniques that suit each of its regions.
public struct ProgramCatalog: Sendable {
    public private(set) var programs: [Program]

    /// The session lengths the studio books, in minutes.
    public static let bookableLengths = [15, 30, 45, 60, 90]

    public init(programs: [Program]) throws(ProgramCatalogError) {
        self.programs = []
        try add(programs, source: "programs")
    }

    /// The programs shipped with Unknot.
    public static func bundled() throws(ProgramCatalogError) -> ProgramCatalog {
        guard let url = Bundle.module.url(forResource: "programs", withExtension: "json") else {
            throw ProgramCatalogError(source: "programs.json", problems: ["the bundled program file is missing"])
        }
        var catalog = try ProgramCatalog(programs: [])
        try catalog.add(contentsOf: url)
        return catalog
    }

    /// Adds (or replaces, by id) the programs of a JSON file holding an array of programs.
    public mutating func add(contentsOf url: URL) throws(ProgramCatalogError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProgramCatalogError(
                source: url.path, problems: ["cannot read the file: \(error.localizedDescription)"])
        }
        try add(json: data, source: url.path)
    }

    /// Adds the programs in a JSON list (`source` names where it came from in messages).
    public mutating func add(json data: Data, source: String) throws(ProgramCatalogError) {
        let decoded: [Program]
        do {
            decoded = try JSONDecoder().decode([Program].self, from: data)
        } catch {
            throw ProgramCatalogError(source: source, problems: [DecodingProblem.describe(error)])
        }
        try add(decoded, source: URL(fileURLWithPath: source).lastPathComponent)
    }

    mutating func add(_ new: [Program], source: String) throws(ProgramCatalogError) {
        var problems: [String] = []
        var seen = Set<String>()
        for program in new {
            if !seen.insert(program.id).inserted { problems.append("program id '\(program.id)' appears twice") }
            problems += Self.problems(in: program)
        }
        guard problems.isEmpty else { throw ProgramCatalogError(source: source, problems: problems) }
        for program in new {
            if let index = programs.firstIndex(where: { $0.id == program.id }) {
                programs[index] = program
            } else {
                programs.append(program)
            }
        }
    }

    public func program(id: String) -> Program? { programs.first { $0.id == id } }

    static func problems(in program: Program) -> [String] {
        var problems: [String] = []
        let name = "program '\(program.id)'"
        if program.id.isEmpty || program.id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            problems.append("\(name): id must be letters, digits and dashes")
        }
        if program.lengths.isEmpty {
            problems.append("\(name): lengths is empty; give at least one of 15, 30, 45, 60, 90")
        }
        for length in program.lengths where !bookableLengths.contains(length) {
            problems.append("\(name): length \(length) is not bookable; use 15, 30, 45, 60 or 90 minutes")
        }
        if program.phases.isEmpty { problems.append("\(name): phases is empty") }
        let total = program.phases.map(\.share).reduce(0, +)
        if abs(total - 1) > 0.001 {
            problems.append("\(name): phase shares add up to \(total); they must add up to 1")
        }
        for (i, phase) in program.phases.enumerated() {
            let at = "\(name) phases[\(i)]"
            if !(phase.share > 0 && phase.share <= 1) { problems.append("\(at).share must be in (0, 1]") }
            if !(phase.intensity > 0 && phase.intensity <= 1) { problems.append("\(at).intensity must be in (0, 1]") }
            if phase.regions.isEmpty && !program.singleFocusArea { problems.append("\(at).regions is empty") }
            if phase.techniques.isEmpty { problems.append("\(at).techniques is empty") }
            for region in phase.regions where region.face != phase.posture.face {
                problems.append("\(at): \(region.rawValue) cannot be reached lying \(phase.posture.rawValue)")
            }
            for region in phase.regions where !phase.techniques.contains(where: region.allows) {
                problems.append("\(at): none of the phase's techniques suits \(region.rawValue)")
            }
        }
        return problems
    }
}

/// A program file or program that cannot be used, with every problem found.
public struct ProgramCatalogError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var problems: [String]
    public var description: String {
        "\(source) has \(problems.count) problem(s):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
