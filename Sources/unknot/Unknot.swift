import ArgumentParser

/// The Unknot command line.
@main
struct Unknot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unknot",
        abstract: "Personalized robotic massage: plan sessions, fit body scans, check care plans, simulate sessions.",
        subcommands: [
            ProgramsCommand.self, PlanCommand.self, ScanCommand.self, CarePlanCommand.self, SimulateCommand.self,
            RecordCommand.self, CarePolicyCommand.self, SignalsCommand.self, HearCommand.self, ServeCommand.self,
            StationCommandLine.self, RobotSimCommand.self, RobotLinkCommand.self,
        ]
    )
}
