import ArgumentParser
import Foundation
import UnknotCore
import UnknotSimulation

extension SignalsCommand {
    /// `unknot signals evaluate`: the reaction detector against the simulated personas' ground truth.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score reaction detection (precision and recall per reaction) on simulated personas.",
            discussion: """
                Runs every persona's session on a simulated station for each seed, feeds the body \
                signals and the simulated sound classifier's labels to the reaction detector, and \
                matches what it reports with what the simulated client really felt. The data are \
                synthetic: the thresholds were set on seeds 1-20, so judge them on other seeds.
                """)

        @Option(help: "Seeds, comma-separated (default: 101-105, not used for tuning).") var seeds: String =
            "101,102,103,104,105"
        @Option(help: "text or json.") var format: Analyze.Format = .text
        @Flag(help: "List each missed reaction and each wrong report.") var details = false
        @OptionGroup var programs: ProgramOptions

        func run() throws {
            var list: [UInt64] = []
            for part in seeds.split(separator: ",") {
                let text = part.trimmingCharacters(in: .whitespaces)
                if let range = text.split(separator: "-").map(String.init) as [String]?, range.count == 2,
                    let low = UInt64(range[0]), let high = UInt64(range[1]), low <= high, high - low < 1_000
                {
                    list += Array(low...high)
                } else if let seed = UInt64(text) {
                    list.append(seed)
                } else {
                    throw CommandError(
                        "--seeds: '\(text)' is not a seed; write numbers like 101,102 or a range 101-110")
                }
            }
            guard !list.isEmpty else { throw CommandError("--seeds: give at least one seed") }
            let evaluation = ReactionEvaluation(catalog: try programs.catalog(), date: CalendarDate.today())
            let scores: [ReactionEvaluation.Score]
            do {
                scores = try evaluation.run(seeds: list)
            } catch {
                throw CommandError("the simulated sessions could not be planned: \(error)")
            }
            switch format {
            case .json:
                struct Row: Encodable {
                    var kind: String
                    var truths, found, detections, correct: Int
                    var precision, recall: Double?
                    var misses, falseAlarms: [String]
                }
                struct Output: Encodable {
                    var seeds: [UInt64]
                    var personas: [String]
                    var synthetic = true
                    var scores: [Row]
                }
                try SignalsCommand.printJSON(
                    Output(
                        seeds: list, personas: evaluation.personas,
                        scores: scores.map {
                            Row(
                                kind: $0.kind.rawValue, truths: $0.truths, found: $0.found, detections: $0.detections,
                                correct: $0.correct, precision: $0.precision, recall: $0.recall, misses: $0.misses,
                                falseAlarms: $0.falseAlarms)
                        }))
            case .text:
                print(
                    "Reaction detection on \(evaluation.personas.count) simulated personas × \(list.count) seeds; synthetic data"
                )
                func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "  -  " }
                let pad = { (s: String, n: Int) in s.padding(toLength: n, withPad: " ", startingAt: 0) }
                print("\(pad("reaction", 16)) true  found  reported  right  precision  recall")
                for s in scores {
                    print(
                        "\(pad(s.kind.rawValue, 16)) \(String(format: "%4d  %5d  %8d  %5d", s.truths, s.found, s.detections, s.correct))      \(f(s.precision))   \(f(s.recall))"
                    )
                }
                if details {
                    for s in scores {
                        for miss in s.misses { print("missed \(s.kind.rawValue): \(miss)") }
                        for alarm in s.falseAlarms { print("wrong \(s.kind.rawValue): \(alarm)") }
                    }
                }
            }
        }
    }
}
