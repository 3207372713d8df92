import ArgumentParser
import Foundation
import UnknotHearing

/// `unknot hear evaluate --data DIR`: per kind, AUC and recall at 5 % false positives,
/// cross-validated by speaker, plain and mixed into a synthesised studio.
struct HearEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "How well each kind of sound is told from all others and from speech, by speaker folds.",
        discussion: """
            DIR holds vocalizations/<class>/*.wav (speaker id before the first _) and speech/**/*.wav. \
            Each clip scores its loudest window; YAMNet's own scores and a logistic regression on its \
            embedding (fitted on the other folds' speakers) are both measured, on the clips as \
            recorded and mixed into a studio's sound (soft music and a robot's hum, synthesised, \
            10 dB below the voice).
            """)

    @Option(help: "The data folder.") var data: String
    @Flag(help: "Skip the studio mix (half the time).") var plainOnly = false
    @Flag(
        help:
            "Exit 1 when a target is missed (crying AUC 0.95, laughter 0.98, sigh 0.90, groan 0.80; studio ≤ 0.03 lower)."
    )
    var check = false
    @Option(help: "Write the hearing calibration chosen on DIR here (docs/hearing.md).") var writeCalibration: String?
    @Flag(
        help:
            "Let the calibration use embedding classifiers learnt from DIR where they are clearly better (only for recordings whose licence allows shipping what is learnt from them; the shipped calibration uses YAMNet's own scores)."
    )
    var withClassifier = false

    static let targets: [(SoundKind, Double)] = [(.crying, 0.95), (.laughter, 0.98), (.sigh, 0.90), (.groan, 0.80)]

    func run() throws {
        let network: QuantizedNetwork
        let clips: [LabelledClip]
        do {
            network = try YAMNet.network()
            clips = try LabelledClip.collect(in: URL(fileURLWithPath: data, isDirectory: true))
        } catch {
            throw CommandError("\(error)")
        }
        var plain: [HeardClip] = []
        var studio: [HeardClip] = []
        for (index, clip) in clips.enumerated() {
            let audio: WAVAudio
            do {
                audio = try WAVAudio(contentsOf: clip.url)
            } catch {
                throw CommandError("\(error)")
            }
            let samples = Resampler(from: audio.sampleRate).resample(audio.samples)
            plain.append(HeardClip.hear(clip, samples: samples, network: network))
            if !plainOnly {
                let mixed = StudioSound.mix(samples, belowVoice: 10, seed: UInt64(index + 1))
                studio.append(HeardClip.hear(clip, samples: mixed, network: network))
            }
        }
        let kinds: [SoundKind] = [.crying, .laughter, .sigh, .groan, .cough, .speech]
        let speakers = Set(clips.map(\.speaker)).count
        print("\(clips.count) clips from \(speakers) speakers; \(HearingEvaluation.folds) folds by speaker")
        func cell(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var header = cell("kind", 15) + cell("method", 22) + "AUC    recall at 5 % FP"
        if !plainOnly { header += "   studio: AUC  recall" }
        print(header)
        let results = HearingEvaluation.evaluate(plain, studio: studio, kinds: kinds)
        for (i, result) in results.plain.enumerated() {
            var line = cell(result.kind.rawValue, 15) + cell(result.method.rawValue, 22)
            line += String(format: "%5.3f  %5.2f", result.auc, result.recall)
            if i < results.studio.count {
                line += String(format: "                 %5.3f  %5.2f", results.studio[i].auc, results.studio[i].recall)
            }
            print(line + "   (\(result.positives) clips against \(result.negatives))")
        }
        var missed: [String] = []
        // The method that holds up best where it will be used: the higher of the two AUCs' minimum
        // (as recorded, and in the studio's sound).
        print("chosen (the better of each method's lower AUC, as recorded or in the studio):")
        for (kind, target) in Self.targets {
            let both = results.plain.indices.filter { results.plain[$0].kind == kind }
            func worst(_ i: Int) -> Double {
                min(results.plain[i].auc, i < results.studio.count ? results.studio[i].auc : 1)
            }
            guard let best = both.max(by: { worst($0) < worst($1) }) else { continue }
            let chosen = results.plain[best]
            var line = String(
                format: "  %@: %@, AUC %.3f (target %.2f)", kind.rawValue, chosen.method.rawValue, chosen.auc, target)
            if chosen.auc < target { missed.append("\(kind.rawValue) AUC \(chosen.auc) under \(target)") }
            if best < results.studio.count {
                let drop = chosen.auc - results.studio[best].auc
                line += String(format: ", studio %.3f (%.3f lower; at most 0.03)", results.studio[best].auc, drop)
                if drop > 0.03 { missed.append("\(kind.rawValue) is \(drop) lower in the studio mix") }
            }
            print(line)
        }
        let zeroShot = HearingCalibration.choose(from: plain, studio: studio)
        let learnt = HearingCalibration.choose(from: plain, studio: studio, outOfFold: results.outOfFold)
        let chosen = withClassifier ? learnt : zeroShot
        for (title, calibration) in [
            ("with YAMNet's scores (the shipped calibration)", zeroShot),
            ("with classifiers where clearly better (--with-classifier)", learnt),
        ] {
            print("levels \(title): onset at 1 %, release at 5 % of other sounds' windows; held out by speaker:")
            for kind in SoundKind.allCases where calibration[kind].chosenOn != "hand-set" {
                let entry = calibration[kind]
                print(
                    String(
                        format:
                            "  %@: %@, onset %.3f, release %.3f; held out: %.0f %% of its clips heard, %.2f %% of other windows",
                        kind.rawValue, entry.classifier == nil ? "YAMNet's scores" : "embedding classifier",
                        entry.onset, entry.release, 100 * (entry.heldOutRecall ?? 0),
                        100 * (entry.heldOutFalsePositives ?? 0)))
            }
        }
        if let writeCalibration {
            do {
                try chosen.write(to: URL(fileURLWithPath: writeCalibration))
            } catch {
                throw CommandError("\(writeCalibration) cannot be written: \(error.localizedDescription)")
            }
        }
        if check {
            // The shipped levels must be the ones these recordings choose.
            let shipped: HearingCalibration
            do { shipped = try HearingCalibration.shipped() } catch { throw CommandError("\(error)") }
            for kind in SoundKind.allCases {
                let (a, b) = (shipped[kind], chosen[kind])
                if abs(a.onset - b.onset) > 0.01 || abs(a.release - b.release) > 0.01 || a.chosenOn != b.chosenOn {
                    missed.append(
                        "the shipped \(kind.rawValue) levels (\(a.onset), \(a.release)) are not the ones chosen here "
                            + "(\(b.onset), \(b.release)); write them with --write-calibration")
                }
            }
        }
        if check && !missed.isEmpty { throw CommandError("targets missed: " + missed.joined(separator: "; ")) }
    }
}
