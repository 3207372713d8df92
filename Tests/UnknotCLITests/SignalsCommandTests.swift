import Foundation
import Testing

/// `unknot signals`, run as a user would.
extension CommandLineTests {
    /// Sharp beats every 0.8 s (75 bpm) on a wandering baseline, 500 Hz, 30 s, as "time,ecg" CSV.
    func beatsFile() throws -> String {
        var lines = ["time,ecg"]
        for i in 0..<15_000 {
            let t = Double(i) / 500
            let phase = (t - 0.4).truncatingRemainder(dividingBy: 0.8)
            let distance = min(abs(phase), 0.8 - abs(phase))
            let beat = exp(-distance * distance / (2 * 0.01 * 0.01))
            lines.append("\(t),\(beat + 0.2 * sin(2 * Double.pi * 0.3 * t))")
        }
        return try temporary("beats.csv", lines.joined(separator: "\n"))
    }

    @Test func signalsAnalyzeFindsTheBeats() throws {
        let file = try beatsFile()
        let result = try run(["signals", "analyze", "--ecg", file, "--rate", "500"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("R peaks: 37"))
        #expect(result.out.contains("Heart rate: 75.00 bpm"))
        let json = try run(["signals", "analyze", "--ecg", file, "--rate", "500", "--format", "json", "--column", "2"])
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((decoded?["rPeaks"] as? [Int])?.count == 37)
    }

    @Test func signalsAnalyzeExplainsBadInput() throws {
        let file = try beatsFile()
        let column = try run(["signals", "analyze", "--ecg", file, "--rate", "500", "--column", "3"])
        #expect(column.status != 0)
        #expect(column.err.contains("there is no column 3"))
        let broken = try temporary("broken.txt", "1.0\n2.0\nabc\n")
        let text = try run(["signals", "analyze", "--ecg", broken, "--rate", "500"])
        #expect(text.status != 0)
        #expect(text.err.contains("line 3") && text.err.contains("\"abc\" is not a number"))
        let short = try temporary("short.txt", "1.0\n2.0\n3.0\n")
        let tooShort = try run(["signals", "analyze", "--ecg", short, "--rate", "500"])
        #expect(tooShort.status != 0)
        #expect(tooShort.err.contains("3 samples"))
        let rate = try run(["signals", "analyze", "--ecg", file, "--rate", "0"])
        #expect(rate.status != 0)
        #expect(rate.err.contains("--rate"))
    }

    @Test func signalsAnalyzeReadsNNIntervals() throws {
        let nn = try temporary(
            "nn.txt", (0..<300).map { i in "\(800 + (i % 2 == 0 ? 25 : -25))" }.joined(separator: "\n"))
        let result = try run(["signals", "analyze", "--nn", nn])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("300 intervals"))
        #expect(result.out.contains("Heart rate: 75.00 bpm"))
        #expect(result.out.contains("RMSSD 50.00 ms"))
        let two = try run(["signals", "analyze", "--nn", nn, "--ecg", nn, "--rate", "100"])
        #expect(two.status != 0)
        #expect(two.err.contains("exactly one recording"))
        let bad = try temporary("bad-nn.txt", "800\n-3\n")
        let negative = try run(["signals", "analyze", "--nn", bad])
        #expect(negative.status != 0)
        #expect(negative.err.contains("between 0 and 5000"))
    }

    @Test func signalsFilterNeedsOneBand() throws {
        let file = try beatsFile()
        let none = try run(["signals", "filter", "--input", file, "--rate", "500", "--order", "2"])
        #expect(none.status != 0)
        #expect(none.err.contains("exactly one of"))
        let ok = try run(["signals", "filter", "--input", file, "--rate", "500", "--order", "2", "--lowpass", "40"])
        #expect(ok.status == 0)
        #expect(ok.out.split(separator: "\n").count == 15_000)
    }
}
