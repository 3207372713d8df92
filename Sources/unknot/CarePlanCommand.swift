import ArgumentParser
import Foundation
import UnknotCore

struct CarePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care-plan", abstract: "Check a care plan, or print an example to start from.",
        subcommands: [Check.self, Card.self, Example.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a care plan and screen its health answers.")
        @Argument(help: "The care plan (JSON).") var file: String
        @Option(help: "Program to screen for (pregnancy rules out prone programs).") var program: String?
        @OptionGroup var programs: ProgramOptions

        func run() throws {
            let care = try CarePlanFile.load(file)
            let chosen = try program.map { id in
                guard let found = try programs.catalog().program(id: id) else {
                    throw CommandError("there is no program '\(id)'")
                }
                return found
            }
            let outcome = ContraindicationScreening.screen(care.health, program: chosen, on: .today())
            print("\(file): the care plan is valid.")
            if outcome.isClear { print("Screening: nothing to adjust.") }
            for r in outcome.refusals { print("Refused: \(r.reason) (\(r.field))") }
            for r in outcome.lightPressureOnly { print("Light pressure only: \(r)") }
            for a in outcome.avoidAreas { print("Avoid the \(a.area): \(a.reason)") }
            for r in outcome.checkInMoreOften { print("Check in more often: \(r)") }
            if outcome.isRefused { throw ExitCode(2) }
        }
    }

    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the care plan as a one-page card to hand to any therapist or station.")
        @Argument(help: "The care plan (JSON).") var file: String
        @Option(help: "The client's name, printed on the card.") var name: String?

        func run() throws {
            print(try CarePlanFile.load(file).card(name: name), terminator: "")
        }
    }

    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an example care plan.")
        func run() throws {
            let plan = CarePlan(
                focusAreas: [BodyArea(.shoulders), BodyArea(.neck)],
                avoidAreas: [BodyArea(.feet)],
                pressure: PressurePreference(
                    level: PressureLevel(clamping: 5),
                    byArea: [AreaPressure(BodyArea(.lowerBack), PressureLevel(clamping: 6))]),
                painLimit: .defaultPainLimit,
                tenderSpots: [
                    BodySpot(area: BodyArea(.shoulders, side: .left), at: RegionCoordinate(u: 0.4, v: 0.5), radius: 4)
                ],
                ticklishSpots: [],
                sensitiveAreasOptedIn: [.glutes],
                ifICry: .keepGoingQuietly)
            print(String(decoding: try plan.exportJSON(), as: UTF8.self))
        }
    }
}
