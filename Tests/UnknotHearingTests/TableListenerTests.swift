import Foundation
import Testing
import UnknotCore

@testable import UnknotHearing

@Suite("The station's ears: audio in, labels out as soon as a sound begins")
struct TableListenerTests {
    /// YAMNet's test audio (16-bit PCM at 16 kHz), twice over.
    static func audio() throws -> [Int16] {
        let samples = try GoldenFile.int16Audio(GoldenFile.testAudio)
        let once = samples.map { Int16(max(-32_768, min(32_767, ($0 * 32_768).rounded()))) }
        return once + once
    }

    static func labels(_ pcm: [Int16], blocks: Int, levels: HearingCalibration) throws -> [(Int, SoundEvent)] {
        let listener = TableListener(network: try YAMNet.network(), calibration: levels, startTime: 5_000)
        var heard: [(Int, SoundEvent)] = []
        var offset = 0
        while offset < pcm.count {
            let end = min(pcm.count, offset + blocks)
            pcm[offset..<end].withUnsafeBufferPointer { block in
                listener.listen(pcm16: block) { heard.append(($0, $1)) }
            }
            offset = end
        }
        return heard
    }

    @Test("Labels come at onset, in time order, the same whatever the block size; the time is the station's")
    func onsetLabels() throws {
        // Every kind from a score of 0.01, so the test audio surely begins some events.
        var levels = HearingCalibration(kinds: [:])
        for kind in SoundKind.allCases {
            levels.kinds[kind.rawValue] = .init(onset: 0.01, release: 0.005, chosenOn: "test")
        }
        let pcm = try Self.audio()
        let small = try Self.labels(pcm, blocks: 160, levels: levels)
        let large = try Self.labels(pcm, blocks: 7_001, levels: levels)
        #expect(!small.isEmpty)
        #expect(small.map(\.0) == large.map(\.0))
        #expect(small.map(\.1) == large.map(\.1))
        #expect(zip(small, small.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        // The first window ends 0.975 s in; the listener started at station time 5 s.
        #expect(small.allSatisfy { $0.0 >= 5_975 && $0.0 <= 5_000 + pcm.count / 16 })
    }

    @Test("Silence is heard as nothing")
    func silence() throws {
        let labels = try Self.labels(
            [Int16](repeating: 0, count: 48_000), blocks: 1_600, levels: try HearingCalibration.shipped())
        #expect(labels.isEmpty, "\(labels)")
    }
}
