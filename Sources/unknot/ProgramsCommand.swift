import ArgumentParser
import Foundation
import UnknotCore

struct ProgramOptions: ParsableArguments {
    @Option(
        name: .customLong("programs"), help: "A JSON file of extra programs (added to, or replacing, the bundled ones)."
    )
    var extraPrograms: String?

    func catalog() throws -> ProgramCatalog {
        var catalog = try ProgramCatalog.bundled()
        if let extraPrograms {
            try catalog.add(json: try InputFile.read(extraPrograms, what: "the programs"), source: extraPrograms)
        }
        return catalog
    }
}

struct ProgramsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programs", abstract: "List the programs and their lengths.")

    @OptionGroup var programs: ProgramOptions
    @Flag(help: "Print the programs as JSON.") var json = false

    func run() throws {
        let catalog = try programs.catalog()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(catalog.programs), as: UTF8.self))
            return
        }
        for program in catalog.programs {
            let lengths = program.lengths.map(String.init).joined(separator: ", ")
            print("\(program.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(program.name)")
            print("\("".padding(toLength: 24, withPad: " ", startingAt: 0)) \(lengths) min · \(program.summary)")
        }
    }
}
