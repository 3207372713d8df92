import UnknotCore

/// The station's ears: 16 kHz audio from the microphone under the face cradle in, sound labels
/// for the reaction detector out, each at the station time (ms) it was heard.
///
/// A label goes out as soon as a kind's score crosses its onset (not when the sound is over), and
/// again while the sound goes on whenever the hearing becomes surer by a tenth, so a detector can
/// answer tears as soon as they are heard. Of crying and laughter, which sound alike, only the
/// surer is said (``outweighs(_:_:_:)``). The levels and confidences are a
/// ``HearingCalibration``'s.
///
/// Guarantees: audio is held only in memory, 0.975 s at most, and never leaves this object;
/// ``listen(_:onSound:)`` allocates nothing per window; labels come out in time order. Not for
/// sharing between threads: one listener belongs to one station, which feeds it from one place
/// (never from the 1 kHz loop: a window takes about 12-17 ms to score).
public final class TableListener: @unchecked Sendable {
    public let calibration: HearingCalibration
    /// How often a window is scored, in ms.
    public var windowEvery: Int { classifier.patchHop * 10 }
    private let classifier: SoundClassifier
    private var tracker: SoundEventTracker
    /// The confidence last sent for each kind's open event (0 when none is open).
    private var sent: [Float]
    private var startTime: Int
    /// The highest confidence each kind had in the last few seconds, and when (ms).
    private var recent: [(confidence: Float, at: Int)]
    /// How long a sure laugh keeps crying that is no surer from being said, and the reverse.
    public static let rivalMemory = 3_000
    /// The kinds that are each other's rivals (built once, not per window).
    private static let rivalKinds: [SoundKind] = [.crying, .laughter]
    private var converted: UnsafeMutableBufferPointer<Float>

    /// - Parameters:
    ///   - startTime: the station time (ms) of the first sample.
    ///   - patchHop: frames (10 ms) between windows: 24 scores every 0.24 s, for tears heard
    ///     within a second.
    public init(network: QuantizedNetwork, calibration: HearingCalibration, startTime: Int = 0, patchHop: Int = 24) {
        self.calibration = calibration
        classifier = SoundClassifier(network: network, patchHop: patchHop)
        tracker = SoundEventTracker(thresholds: calibration.thresholds)
        sent = Array(repeating: 0, count: SoundKind.allCases.count)
        self.startTime = startTime
        recent = Array(repeating: (0, Int.min / 2), count: SoundKind.allCases.count)
        converted = .allocate(capacity: 1_600)
        converted.initialize(repeating: 0)
    }

    deinit { converted.deallocate() }

    /// Takes 16 kHz samples in [-1, 1] that follow the last ones; calls `onSound` with each label
    /// and the station time (ms) it was heard (the end of the window that heard it).
    public func listen(_ samples: UnsafeBufferPointer<Float>, onSound: (Int, SoundEvent) -> Void) {
        classifier.push(samples) { heardWindow, _ in
            let at = startTime + Int((heardWindow.end * 1_000).rounded())
            // Each kind scored as the calibration says: YAMNet's own score or its classifier's.
            var window = heardWindow
            let embedding = classifier.lastEmbedding
            for kind in SoundKind.allCases {
                window.scores[kind] = calibration.score(kind, scores: heardWindow.scores, embedding: embedding)
            }
            var confidence = SoundScores()
            for kind in SoundKind.allCases {
                let c = calibration.confidence(window.scores[kind], for: kind)
                confidence[kind] = c
                let last = recent[kind.index]
                if c >= last.confidence || at - last.at > Self.rivalMemory { recent[kind.index] = (c, at) }
            }
            // The rivals' confidence: now, or a surer one heard in the last few seconds.
            var rivals = confidence
            for kind in Self.rivalKinds where at - recent[kind.index].at <= Self.rivalMemory {
                rivals[kind] = max(rivals[kind], recent[kind.index].confidence)
            }
            tracker.take(
                window,
                began: { event in
                    sent[event.kind.index] = confidence[event.kind]
                    if Self.outweighs(event.kind, confidence, rivals),
                        let label = Self.label(event.kind, confidence[event.kind])
                    {
                        onSound(at, label)
                    }
                },
                ended: { event in sent[event.kind.index] = 0 })
            // A sound that goes on, heard surer: said again.
            for kind in SoundKind.allCases where sent[kind.index] > 0 && confidence[kind] >= sent[kind.index] + 0.1 {
                sent[kind.index] = confidence[kind]
                if Self.outweighs(kind, confidence, rivals), let label = Self.label(kind, confidence[kind]) {
                    onSound(at, label)
                }
            }
        }
    }

    /// Crying and laughter sound alike (YAMNet's crying class often fires on laughter, and its
    /// laughter class on sobbing): one is said only when it is surer than the other now and than
    /// the other's surest in the last ``rivalMemory`` ms (`rivals`).
    static func outweighs(_ kind: SoundKind, _ confidence: SoundScores, _ rivals: SoundScores) -> Bool {
        switch kind {
        case .crying: confidence[.crying] > rivals[.laughter]
        case .laughter: confidence[.laughter] > rivals[.crying]
        default: true
        }
    }

    /// Takes signed 16-bit PCM samples (as `arecord -f S16_LE -r 16000 -c 1 -t raw` gives).
    public func listen(pcm16 samples: UnsafeBufferPointer<Int16>, onSound: (Int, SoundEvent) -> Void) {
        var offset = 0
        while offset < samples.count {
            let count = min(converted.count, samples.count - offset)
            for i in 0..<count { converted[i] = Float(samples[offset + i]) / 32_768 }
            offset += count
            listen(UnsafeBufferPointer(rebasing: converted[0..<count]), onSound: onSound)
        }
    }

    static func label(_ kind: SoundKind, _ confidence: Float) -> SoundEvent? {
        SoundEvent.Kind(rawValue: kind.rawValue).map { SoundEvent($0, confidence: Double(confidence)) }
    }
}
