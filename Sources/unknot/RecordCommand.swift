import ArgumentParser
import Foundation
import UnknotSession

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Read session records.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a readable timeline of a session record.")

        @Argument(help: "The record (JSON Lines, from `unknot simulate --record`).") var file: String
        @Option(help: "Seconds between telemetry status lines (0 for none).") var statusEvery: Int = 60

        func run() throws {
            guard statusEvery >= 0 else { throw CommandError("--status-every must be 0 or more seconds") }
            let record: SessionRecord
            do {
                record = try SessionRecord.read(from: file)
            } catch {
                throw CommandError("\(file): \(error.description)")
            }
            print(record.timeline(statusEvery: statusEvery * 1_000))
        }
    }
}
