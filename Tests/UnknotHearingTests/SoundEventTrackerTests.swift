import Testing

@testable import UnknotHearing

@Suite("Window scores become events with a start, an end and a confidence")
struct SoundEventTrackerTests {
    /// Laughter from 0.3 (over under 0.15), speech from 0.5 (over under 0.3).
    static let levels = SoundThresholds([
        .laughter: .init(onset: 0.3, release: 0.15), .speech: .init(onset: 0.5, release: 0.3),
    ])

    static func window(_ index: Int, laughter: Float, speech: Float = 0) -> HeardWindow {
        var scores = SoundScores()
        scores[.laughter] = laughter
        scores[.speech] = speech
        return HeardWindow(start: Double(index) * 0.48, end: Double(index) * 0.48 + 0.975, scores: scores)
    }

    @Test("A laugh that dips under the onset but not the release stays one event; its peak is its confidence")
    func hysteresis() {
        var tracker = SoundEventTracker(thresholds: Self.levels)
        var events: [SoundEventTracker.Event] = []
        for (i, score) in [Float(0.1), 0.4, 0.2, 0.7, 0.16, 0.05, 0.05, 0.35, 0.1].enumerated() {
            tracker.take(Self.window(i, laughter: score)) { events.append($0) }
        }
        tracker.finish { events.append($0) }
        #expect(events.count == 2)
        #expect(events.first?.kind == .laughter)
        #expect(events.first?.start == 0.48)
        #expect(abs((events.first?.end ?? 0) - (4 * 0.48 + 0.975)) < 1e-9)
        #expect(events.first?.confidence == 0.7)
        #expect(events.last?.start == 7 * 0.48)
    }

    @Test("Each kind has its own levels: speech at 0.4 is not an event, laughter at 0.4 is")
    func perKind() {
        var tracker = SoundEventTracker(thresholds: Self.levels)
        var events: [SoundEventTracker.Event] = []
        tracker.take(Self.window(0, laughter: 0.4, speech: 0.4)) { events.append($0) }
        tracker.finish { events.append($0) }
        #expect(events.map(\.kind) == [.laughter])
    }
}
