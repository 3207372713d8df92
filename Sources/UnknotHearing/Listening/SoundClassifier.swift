/// YAMNet listening to a stream of 16 kHz samples: the log-mel front end, the int8 network, and
/// each window's scores for the kinds of sound Unknot listens for.
///
/// Guarantees: ``push(_:onWindow:)`` allocates nothing (the front end, the network's buffers and
/// the score buffer are made once); windows come in time order, every `patchHop` × 10 ms once the
/// first 0.975 s are heard; audio is only held in memory, 0.975 s at most.
public final class SoundClassifier {
    public let patchHop: Int
    private var frontEnd: LogMelFrontEnd
    private let inference: NetworkInference
    private let patch: UnsafeMutableBufferPointer<Float>
    private let scores: UnsafeMutableBufferPointer<Float>

    /// - Parameters:
    ///   - network: YAMNet (``YAMNet/network()``).
    ///   - patchHop: frames between windows: 48 (0.48 s, as YAMNet) or fewer, for answers sooner.
    public init(network: QuantizedNetwork, patchHop: Int = 48) {
        frontEnd = LogMelFrontEnd(patchHop: patchHop)
        self.patchHop = frontEnd.patchHop
        inference = NetworkInference(network)
        patch = .allocate(capacity: network.input.count)
        patch.initialize(repeating: 0)
        scores = .allocate(capacity: network.outputCount)
        scores.initialize(repeating: 0)
    }

    deinit {
        patch.deallocate()
        scores.deallocate()
    }

    /// Takes 16 kHz samples in [-1, 1]; calls `onWindow` for each window completed, with the
    /// window and the network's raw scores (all its classes; valid only during the call).
    public func push(
        _ samples: UnsafeBufferPointer<Float>, onWindow: (HeardWindow, UnsafeBufferPointer<Float>) -> Void
    ) {
        var offset = 0
        while offset < samples.count {
            // One hop at a time, so no window is passed over.
            let count = min(LogMelFrontEnd.hop, samples.count - offset)
            let ready = frontEnd.push(UnsafeBufferPointer(rebasing: samples[offset..<(offset + count)]))
            offset += count
            guard ready > 0 else { continue }
            frontEnd.patch(into: patch)
            inference.scores(for: UnsafeBufferPointer(patch), into: scores)
            let raw = UnsafeBufferPointer(scores)
            let last = frontEnd.framesSeen - 1
            let first = last - LogMelFrontEnd.patchFrames + 1
            let rate = LogMelFrontEnd.sampleRate
            let window = HeardWindow(
                start: Double(first * LogMelFrontEnd.hop) / rate,
                end: Double(last * LogMelFrontEnd.hop + LogMelFrontEnd.windowLength) / rate,
                scores: SoundScores(yamnet: raw))
            onWindow(window, raw)
        }
    }

    /// The last window's embedding (YAMNet's 1,024 pooled values), valid until the next window.
    public var lastEmbedding: UnsafeBufferPointer<Float> { inference.embedding }

    /// The patch the last window was scored on (96 frames × 64 bands), for checks against a reference.
    public var lastPatch: UnsafeBufferPointer<Float> { UnsafeBufferPointer(patch) }
}
