import Foundation
import Testing

/// `unknot hear`, run as a user would.
extension CommandLineTests {
    /// A 44.1 kHz stereo 16-bit WAV of `seconds` of a soft 440 Hz tone.
    func toneWAV(seconds: Double) throws -> String {
        let rate = 44_100
        var payload: [UInt8] = []
        for i in 0..<Int(Double(rate) * seconds) {
            let v = Int16(6_000 * sin(2 * Double.pi * 440 * Double(i) / Double(rate)))
            for _ in 0..<2 { payload += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
        }
        func le(_ value: Int, _ bytes: Int) -> [UInt8] {
            (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        let fmt = le(1, 2) + le(2, 2) + le(rate, 4) + le(rate * 4, 4) + le(4, 2) + le(16, 2)
        let body = Array("WAVEfmt ".utf8) + le(16, 4) + fmt + Array("data".utf8) + le(payload.count, 4) + payload
        let url = folder.appendingPathComponent("tone.wav")
        try Data(Array("RIFF".utf8) + le(body.count, 4) + body).write(to: url)
        return url.path
    }

    @Test func hearPrintsOneJSONObjectPerFileWithWindowsScoresAndEvents() throws {
        let file = try toneWAV(seconds: 3)
        let result = try run(["hear", file, file, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["file"] as? String == file)
        #expect(abs((object["seconds"] as? Double ?? 0) - 3) < 0.01)
        let windows = try #require(object["windows"] as? [[String: Any]])
        #expect(windows.count == 5)  // 3 s at 16 kHz: the first window at 0.975 s, then every 0.48 s
        let scores = try #require(windows.first?["scores"] as? [String: Double])
        #expect(
            Set(scores.keys) == [
                "crying", "laughter", "sigh", "groan", "gasp", "stomach-rumble", "flatulence", "snoring", "cough",
                "speech",
            ])
        #expect(scores.values.allSatisfy { (0...1).contains($0) })
        #expect(object["events"] is [Any])
    }

    @Test func hearRefusesWhatIsNotAWAVFileAndNamesIt() throws {
        let text = try temporary("notes.wav", "these are notes, not sound")
        let result = try run(["hear", text])
        #expect(result.status != 0)
        #expect(result.err.contains("notes.wav"))
        #expect(result.err.contains("not a WAV file"))
        let hop = try run(["hear", text, "--hop", "0"])
        #expect(hop.status != 0)
        #expect(hop.err.contains("--hop must be 1 to 96"))
    }

    @Test func hearListenPrintsLabelsFromRawPCMAsTheyAreHeard() throws {
        // YAMNet's test audio (speech, 16 kHz 16-bit raw), three times over.
        let audio = try Data(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(
                    "Sources/UnknotHearing/Resources/yamnet/yamnet_test_audio.bin"))
        let raw = folder.appendingPathComponent("mic.raw")
        try (audio + audio + audio).write(to: raw)
        let result = try run(["hear", "listen", raw.path, "--format", "json", "--seconds", "5"])
        #expect(result.status == 0, "\(result.err)")
        let labels = try result.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(labels.contains { $0["kind"] as? String == "speech" }, "\(result.out)")
        #expect(labels.allSatisfy { ($0["t"] as? Double ?? 99) <= 5 })
        let bad = try run(["hear", "listen", "udp://nohost"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("write udp://HOST:PORT"))
    }
}
