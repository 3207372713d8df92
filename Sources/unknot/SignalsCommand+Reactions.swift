import ArgumentParser
import Foundation
import UnknotCore
import UnknotSession
import UnknotSignals

extension SignalsCommand {
    /// `unknot signals reactions`: the reaction detector over recorded heart, skin and breath.
    struct Reactions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Read reactions (pain, crying, laughter, sighs, relaxation, sleep) from an ECG, skin conductance and breathing recorded together.",
            discussion: """
                The three recordings share one sampling rate and start together. R peaks come from \
                the ECG (neurokit2's method), then every sample goes through the same detector the \
                live session uses, without sound labels or force signals.
                """)

        @Option(help: "The ECG recording.") var ecg: String
        @Option(help: "The skin conductance recording (µS).") var eda: String
        @Option(help: "The breathing recording.") var resp: String
        @Option(help: "Sampling rate in Hz, shared by the three.") var rate: Double
        @Option(help: "Which column holds each signal, from 1 (default: the last).") var column: Int?
        @Option(help: "text or json.") var format: Analyze.Format = .text

        func run() throws {
            guard rate >= 20, rate.isFinite else { throw CommandError("--rate must be at least 20 Hz") }
            if let column, column < 1 { throw CommandError("--column counts from 1") }
            let heart = try SignalsCommand.read(ecg, column: column)
            let skin = try SignalsCommand.read(eda, column: column)
            let breath = try SignalsCommand.read(resp, column: column)
            let count = min(heart.count, skin.count, breath.count)
            guard count > 0 else { throw CommandError("the recordings are empty") }
            var found: [(at: Int, event: ReactionEvent)] = []
            do {
                let processor = try ECGProcessor(sampleRate: rate)
                let beats = processor.rPeaks(try processor.clean(heart))
                var detector = try ReactionDetector(sampleRate: rate)
                var next = 1
                for i in 0..<count {
                    let time = Int((Double(i) * 1_000 / rate).rounded())
                    while next < beats.count, beats[next] <= i {
                        detector.beat(
                            rrMilliseconds: Double(beats[next] - beats[next - 1]) * 1_000 / rate,
                            at: Int((Double(beats[next]) * 1_000 / rate).rounded()))
                        next += 1
                    }
                    detector.sample(skinConductance: skin[i], respiration: breath[i], at: time)
                    while let reaction = detector.nextReaction() { found.append(reaction) }
                }
            } catch {
                throw CommandError("\(error)")
            }
            let acting = SessionConfiguration().minimumConfidence
            switch format {
            case .json:
                struct Row: Encodable {
                    var t: Int
                    var kind: String
                    var confidence: Double
                    var evidence: [String]
                }
                try SignalsCommand.printJSON(
                    found.map {
                        Row(
                            t: $0.at, kind: $0.event.kind.rawValue, confidence: $0.event.confidence,
                            evidence: $0.event.evidence.map(\.description))
                    })
            case .text:
                let minutes = Double(count) / rate / 60
                print("\(String(format: "%.1f", minutes)) minutes at \(rate) Hz: \(found.count) reactions")
                for kind in ReactionKind.allCases {
                    let all = found.filter { $0.event.kind == kind }
                    guard !all.isEmpty else { continue }
                    let acted = all.filter { $0.event.confidence >= (acting[kind] ?? 0.5) }.count
                    print("  \(kind.rawValue): \(all.count) (\(acted) sure enough for the session to act on)")
                }
                for (at, event) in found {
                    print(
                        "  \(String(format: "%7.1f", Double(at) / 1_000)) s  \(event.kind.rawValue)  \(String(format: "%.2f", event.confidence))  \(event.evidence.map(\.description).joined(separator: "; "))"
                    )
                }
            }
        }
    }
}
