import ArgumentParser
import Foundation
import UnknotCore
import UnknotPlanning

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a session for a client's care plan and body.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, svg
    }

    @Option(help: "The program id (see `unknot programs`).") var program: String
    @Option(help: "Session length in minutes.") var minutes: Int
    @Option(help: "The client's care plan (JSON; see `unknot care-plan example`).") var carePlan: String
    @OptionGroup var body: BodyOptions
    @OptionGroup var programs: ProgramOptions
    @Option(help: "Day of the session, YYYY-MM-DD (default today).") var date: String?
    @Option(help: "An area to focus on first, e.g. \"left shoulders\" (Express works only this one).")
    var focus: String?
    @Option(help: "Output format: text, json or svg.") var format: Format = .text
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let catalog = try programs.catalog()
        guard let chosen = catalog.program(id: program) else {
            throw CommandError(
                "there is no program '\(program)'; choose one of: \(catalog.programs.map(\.id).joined(separator: ", "))"
            )
        }
        var day = CalendarDate.today()
        if let date {
            guard let parsed = CalendarDate(date) else {
                throw CommandError("--date '\(date)' is not a date; write YYYY-MM-DD")
            }
            day = parsed
        }
        var care = try CarePlanFile.load(carePlan, asOf: day)
        if let focus {
            let area: BodyArea
            do {
                area = try BodyArea(parsing: focus)
            } catch {
                throw CommandError("--focus: \(error)")
            }
            care.focusAreas = [area] + care.focusAreas.filter { $0 != area }
        }
        let measurements = try body.measurements()
        let request = PlanRequest(
            program: chosen, minutes: minutes, carePlan: care, body: BodyModel(measurements), date: day)
        let plan: SessionPlan
        do {
            plan = try SessionPlanner().plan(request)
        } catch {
            throw CommandError(error.description)
        }
        let rendered: Data
        switch format {
        case .text:
            rendered = Data(PlanOutline.render(plan).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            rendered = try encoder.encode(plan)
        case .svg:
            rendered = Data(PlanDrawing.svg(plan, body: request.body).utf8)
        }
        try Output.write(rendered, to: output)
    }
}

enum Output {
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            if data.last != 0x0A { FileHandle.standardOutput.write(Data("\n".utf8)) }
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

enum CarePlanFile {
    static func load(_ path: String, asOf day: CalendarDate = .today()) throws -> CarePlan {
        let data = try InputFile.read(path, what: "the care plan")
        do {
            return try CarePlan.decode(from: data, asOf: day)
        } catch {
            throw CommandError("\(path): \(error)")
        }
    }
}
