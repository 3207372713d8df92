import Foundation
import Testing

@testable import UnknotHearing

@Suite("The hearing evaluation's parts: ROC figures, speaker folds, the studio's sound, the classifier")
struct HearingEvaluationTests {
    @Test("AUC and recall at a false-positive rate, on hand-counted cases")
    func separability() {
        #expect(Separability.auc(positives: [0.9, 0.8], negatives: [0.1, 0.2]) == 1)
        #expect(Separability.auc(positives: [0.1], negatives: [0.9]) == 0)
        #expect(Separability.auc(positives: [0.5, 0.7], negatives: [0.5, 0.6]) == 0.625)  // (0.5 + 0) + (1 + 1), over 4
        let negatives = (0..<100).map { Float($0) / 100 }  // 0.00 … 0.99: 5 % lie above 0.94
        #expect(Separability.threshold(negatives: negatives, falsePositiveRate: 0.05) == 0.94)
        #expect(
            Separability.recall(positives: [0.5, 0.95, 0.99, 1], negatives: negatives, atFalsePositiveRate: 0.05)
                == 0.75)
    }

    @Test("A speaker's clips all fall in one fold, and every fold gets speakers")
    func folds() {
        let speakers = (0..<200).map { "S\($0)X" }
        let folds = speakers.map(HearingEvaluation.fold(of:))
        #expect(Set(folds) == Set(0..<HearingEvaluation.folds))
        #expect(speakers.map(HearingEvaluation.fold(of:)) == folds)
    }

    @Test("The studio's sound is mixed 10 dB below the voice, and changes with the seed")
    func studio() {
        let voice = (0..<32_000).map { Float(0.3 * sin(Double($0) * 0.07)) }
        let mixed = StudioSound.mix(voice, belowVoice: 10, seed: 1)
        let added = zip(mixed, voice).map { $0 - $1 }
        let ratio = StudioSound.activePower(voice) / (added.reduce(0.0) { $0 + Double($1 * $1) } / Double(added.count))
        #expect(abs(10 * log10(ratio) - 10) < 0.5, "\(10 * log10(ratio)) dB")
        #expect(StudioSound.sound(count: 1_000, seed: 1) != StudioSound.sound(count: 1_000, seed: 2))
    }

    @Test("The classifier learns a direction that separates two clouds")
    func classifier() {
        var state: UInt64 = 7
        func noise() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) - 0.5
        }
        let examples = (0..<200).map { i in (0..<8).map { d in noise() + (d == 3 && i % 2 == 0 ? 1.5 : 0) } }
        let labels = (0..<200).map { $0 % 2 == 0 }
        let model = EmbeddingClassifier.train(kind: .crying, examples: examples, labels: labels, epochs: 200)
        let scores = examples.map { e in e.withUnsafeBufferPointer { model.probability($0) } }
        let auc = Separability.auc(
            positives: zip(scores, labels).filter(\.1).map(\.0),
            negatives: zip(scores, labels).filter { !$0.1 }.map(\.0))
        #expect(auc > 0.95)
        #expect(scores.allSatisfy { (0...1).contains($0) })
    }

    @Test("Clips are found by class folder and speaker; speech by room")
    func collect() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-clips-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in [
            "vocalizations/crying/AB12_1.wav", "vocalizations/laughing/CD34_2.wav", "speech/Room/sub100a001.wav",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let clips = try LabelledClip.collect(in: root)
        #expect(clips.map(\.label) == ["crying", "laughing", "speech"])
        #expect(clips.map(\.speaker) == ["AB12", "CD34", "speech-sub100"])
        #expect(clips.map(\.kind) == [.crying, .laughter, .speech])
        #expect(throws: AudioFileError.self) { try LabelledClip.collect(in: root.appendingPathComponent("none")) }
    }
}
