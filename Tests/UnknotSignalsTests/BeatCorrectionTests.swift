import Foundation
import Testing
import UnknotSignals

/// Artefact and ectopic-beat correction on beat series with known faults.
@Suite("Beat correction")
struct BeatCorrectionTests {
    /// 300 beats at 1000 Hz, RR 800 ms breathing ±40 ms.
    static let clean: [Int] = {
        var beats = [1_000]
        for k in 1..<300 { beats.append(beats[k - 1] + 800 + Int(40 * sin(Double(k) * 0.45))) }
        return beats
    }()

    @Test("Clean beats come back unchanged, with no artefact found")
    func clean() {
        let corrected = BeatCorrection(beats: Self.clean, sampleRate: 1_000)
        #expect(corrected.artefacts == 0)
        #expect(corrected.beats == Self.clean)
    }

    @Test("An extra beat (a T wave taken for an R) is found and removed")
    func extra() {
        var beats = Self.clean
        beats.insert(beats[150] + 300, at: 151)
        let corrected = BeatCorrection(beats: beats, sampleRate: 1_000)
        #expect(corrected.extra >= 1)
        // The beat count is restored; a neighbour may be nudged by the method's halfway rule.
        #expect(corrected.beats.count == Self.clean.count)
        #expect(zip(corrected.beats, Self.clean).allSatisfy { abs($0 - $1) <= 10 })
    }

    @Test("A missed beat is found and put back halfway")
    func missed() {
        var beats = Self.clean
        let lost = beats.remove(at: 120)
        let corrected = BeatCorrection(beats: beats, sampleRate: 1_000)
        #expect(corrected.missed >= 1)
        #expect(corrected.beats.count == Self.clean.count)
        #expect(abs(corrected.beats[120] - lost) <= 40)
    }

    @Test("An ectopic beat (early, then a compensatory pause) is moved back toward its place")
    func ectopic() {
        var beats = Self.clean
        beats[200] -= 300
        let corrected = BeatCorrection(beats: beats, sampleRate: 1_000)
        #expect(corrected.ectopic + corrected.longShort >= 1)
        #expect(corrected.beats.count == Self.clean.count)
        // The early beat and its neighbour are both placed halfway (as the method does): near, not exact.
        #expect(abs(corrected.beats[200] - Self.clean[200]) < 100)
        // RMSSD falls back toward the clean series'.
        let before = HeartRateVariability(rPeaks: beats, sampleRate: 1_000).rmssd
        let after = HeartRateVariability(rPeaks: corrected.beats, sampleRate: 1_000).rmssd
        let truth = HeartRateVariability(rPeaks: Self.clean, sampleRate: 1_000).rmssd
        #expect(abs(after - truth) < abs(before - truth) / 3)
    }

    @Test("Too few beats to judge are left alone")
    func short() {
        #expect(BeatCorrection(beats: [0, 800, 1_500], sampleRate: 1_000).beats == [0, 800, 1_500])
        #expect(BeatCorrection(beats: [], sampleRate: 1_000).beats.isEmpty)
    }
}
