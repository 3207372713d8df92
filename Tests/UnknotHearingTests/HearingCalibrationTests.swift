import Foundation
import Testing

@testable import UnknotHearing

@Suite("The hearing calibration: chosen by speaker folds, shipped, checked when read")
struct HearingCalibrationTests {
    static func clip(_ label: String, _ speaker: String, _ scores: [Float], as kind: SoundKind = .crying) -> HeardClip {
        HeardClip(
            clip: LabelledClip(url: URL(fileURLWithPath: "/\(label)/\(speaker).wav"), label: label, speaker: speaker),
            scores: scores.map { value in
                var s = SoundScores()
                s[kind] = value
                return s
            }, embeddings: [])
    }

    @Test("The onset lets through 1 % of other sounds' windows and the release 5 %; held-out figures are kept")
    func choose() {
        // 200 laughing windows (other sounds) scoring 0.000-0.199 for crying, each speaker across
        // the range; crying clips score 0.5-0.9.
        var clips = (0..<20).map { s in
            Self.clip("laughing", "L\(s)", (0..<10).map { Float(s + 20 * $0) / 1_000 })
        }
        clips += (0..<20).map { s in Self.clip("crying", "C\(s)", [0.01, 0.5 + Float(s) / 50]) }
        let chosen = HearingCalibration.choose(from: clips)
        let crying = chosen[.crying]
        #expect(crying.onset == 0.197)  // 2 of 200 windows above it (1 %)
        #expect(crying.release == 0.189)  // 10 of 200 above it (5 %)
        #expect(crying.heldOutRecall == 1)
        #expect((crying.heldOutFalsePositives ?? 1) <= 0.03)
        #expect(crying.chosenOn.hasPrefix("YAMNet's scores on 20 clips of 20 speakers"))
        #expect(chosen[.gasp].chosenOn == "hand-set")
        // The confidence rises with the score and is sure of the crying clips.
        let low = chosen.confidence(0.05, for: .crying)
        let high = chosen.confidence(0.6, for: .crying)
        #expect(low < 0.2 && high > 0.8, "\(low) \(high)")
    }

    @Test("The shipped calibration reads, covers every kind, and its confidences rise within 0-1")
    func shipped() throws {
        let calibration = try HearingCalibration.shipped()
        for kind in SoundKind.allCases {
            let entry = calibration[kind]
            #expect(entry.release <= entry.onset && entry.onset <= 1 && entry.release >= 0)
            let curve = stride(from: Float(0), through: 1, by: 0.05).map { calibration.confidence($0, for: kind) }
            #expect(curve.allSatisfy { (0...1).contains($0) })
            #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 <= $1 }, "\(kind): \(curve)")
        }
    }

    @Test("A damaged calibration file is refused, naming every problem")
    func damaged() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-calibration-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = """
            {"schemaVersion": 2, "scores": "other", "kinds": {
              "crying": {"onset": 0.2, "release": 0.4, "slope": -1, "intercept": 0, "chosenOn": "x",
                         "classifier": {"weights": [1, 2], "bias": 0}},
              "humming": {"onset": 1.5, "release": 0.1, "slope": 1, "intercept": 0, "chosenOn": "x"}}}
            """
        try Data(text.utf8).write(to: url)
        let error = #expect(throws: AudioFileError.self) { try HearingCalibration(contentsOf: url) }
        let message = error?.description ?? ""
        for part in [
            "schemaVersion is 2", "scores is \"other\"", "kinds.crying.release is above its onset",
            "kinds.crying.slope", "kinds.humming is not a kind of sound", "kinds.humming.onset is 1.5",
            "kinds.crying.classifier has 2 weights; YAMNet's embedding has 1024",
        ] {
            #expect(message.contains(part), "\(part) not in: \(message)")
        }
        try Data("not json".utf8).write(to: url)
        #expect(throws: AudioFileError.self) { try HearingCalibration(contentsOf: url) }
    }
}
