import ArgumentParser
import UnknotSession

struct CarePolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care-policy", abstract: "Print the care policy the live session follows (Markdown).")

    func run() throws { print(CarePolicy.standard.markdown(), terminator: "") }
}
