import Foundation

/// YAMNet's front end, streaming: 16 kHz mono samples in [-1, 1] become log-mel frames (a
/// periodic Hann window of 25 ms, hop 10 ms, a 512-point FFT's magnitudes, 64 mel bands from
/// 125 to 7,500 Hz, ln(energy + 0.001)), and every `patchHop` frames the last 96 frames are a
/// patch for the network (0.96 s; the first after 15,600 samples).
///
/// Guarantees: ``push(_:)`` and ``patch(into:)`` allocate nothing; the frames are those of
/// TensorFlow's `stft` without end padding, so a file's patches are the reference front end's.
public struct LogMelFrontEnd: Sendable {
    public static let sampleRate = 16_000.0
    public static let windowLength = 400
    public static let hop = 160
    public static let fftSize = 512
    public static let bands = 64
    public static let patchFrames = 96
    public static let logOffset: Float = 0.001

    /// Frames between patches: 48 (0.48 s) as YAMNet hops, or fewer for a finer cadence.
    public let patchHop: Int
    private let window: [Float]
    private var fft: RealFFT
    private let filterbank: MelFilterbank
    /// The last `windowLength` samples, oldest first from `sampleStart`.
    private var samples: [Float]
    private var sampleStart = 0
    private var sampleCount = 0
    private var untilFrame = LogMelFrontEnd.windowLength
    private var frame: [Float]
    private var spectrum: [Float]
    /// The last 96 frames, a ring of 96 × 64.
    private var frames: [Float]
    private var frameNext = 0
    public private(set) var framesSeen = 0
    private var untilPatch: Int

    /// - Parameter patchHop: frames between patches, 1…96.
    public init(patchHop: Int = 48) {
        self.patchHop = min(max(patchHop, 1), Self.patchFrames)
        window = (0..<Self.windowLength).map {
            Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(Self.windowLength)))
        }
        fft = RealFFT(log2Size: Self.fftSize.trailingZeroBitCount)
        filterbank = MelFilterbank(
            bands: Self.bands, fftSize: Self.fftSize, sampleRate: Self.sampleRate, lower: 125, upper: 7_500)
        samples = Array(repeating: 0, count: Self.windowLength)
        frame = Array(repeating: 0, count: Self.windowLength)
        spectrum = Array(repeating: 0, count: Self.fftSize / 2 + 1)
        frames = Array(repeating: 0, count: Self.patchFrames * Self.bands)
        untilPatch = Self.patchFrames
    }

    /// Takes samples; returns how many patches became ready (read the latest with ``patch(into:)``).
    @discardableResult
    public mutating func push(_ input: UnsafeBufferPointer<Float>) -> Int {
        var ready = 0
        for x in input {
            samples[(sampleStart + sampleCount) % Self.windowLength] = x
            if sampleCount < Self.windowLength {
                sampleCount += 1
            } else {
                sampleStart = (sampleStart + 1) % Self.windowLength
            }
            untilFrame -= 1
            if untilFrame == 0 {
                untilFrame = Self.hop
                computeFrame()
                untilPatch -= 1
                if untilPatch == 0 {
                    untilPatch = patchHop
                    ready += 1
                }
            }
        }
        return ready
    }

    /// The last 96 frames, oldest first, row-major 96 × 64, into `out`.
    public func patch(into out: UnsafeMutableBufferPointer<Float>) {
        let n = Self.patchFrames * Self.bands
        for row in 0..<Self.patchFrames {
            let from = ((frameNext + row) % Self.patchFrames) * Self.bands
            for band in 0..<Self.bands where row * Self.bands + band < min(n, out.count) {
                out[row * Self.bands + band] = frames[from + band]
            }
        }
    }

    private mutating func computeFrame() {
        for i in 0..<Self.windowLength {
            frame[i] = samples[(sampleStart + i) % Self.windowLength] * window[i]
        }
        frame.withUnsafeBufferPointer { input in
            spectrum.withUnsafeMutableBufferPointer { fft.magnitudes(of: input, into: $0) }
        }
        let row = frameNext * Self.bands
        spectrum.withUnsafeBufferPointer { magnitudes in
            frames.withUnsafeMutableBufferPointer { all in
                let out = UnsafeMutableBufferPointer(rebasing: all[row..<(row + Self.bands)])
                filterbank.apply(magnitudes, into: out)
                for band in 0..<Self.bands { out[band] = log(out[band] + Self.logOffset) }
            }
        }
        frameNext = (frameNext + 1) % Self.patchFrames
        framesSeen += 1
    }
}
