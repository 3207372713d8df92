/// What YAMNet heard in one labelled clip: each window's scores and embedding.
public struct HeardClip: Sendable {
    public var clip: LabelledClip
    public var scores: [SoundScores]
    public var embeddings: [[Float]]

    /// Hears `samples` (16 kHz) window by window.
    public static func hear(_ clip: LabelledClip, samples: [Float], network: QuantizedNetwork) -> HeardClip {
        let classifier = SoundClassifier(network: network)
        var heard = HeardClip(clip: clip, scores: [], embeddings: [])
        // A clip shorter than one window is padded with silence to one window.
        let padded = samples.count >= 15_600 ? samples : samples + [Float](repeating: 0, count: 15_600 - samples.count)
        padded.withUnsafeBufferPointer { input in
            classifier.push(input) { window, _ in
                heard.scores.append(window.scores)
                heard.embeddings.append(Array(classifier.lastEmbedding))
            }
        }
        return heard
    }

    /// The clip's score for `kind`: its loudest window's.
    public func score(_ kind: SoundKind) -> Float { scores.map { $0[kind] }.max() ?? 0 }

    public func score(_ classifier: EmbeddingClassifier) -> Float {
        embeddings.map { e in e.withUnsafeBufferPointer { classifier.probability($0) } }.max() ?? 0
    }
}
