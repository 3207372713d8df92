import ArgumentParser

/// The Unknot command line.
@main
struct Unknot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unknot",
        abstract: "Personalized robotic massage: plan sessions, fit body scans, check care plans.",
        subcommands: [ProgramsCommand.self, PlanCommand.self, ScanCommand.self, CarePlanCommand.self]
    )
}
