import UnknotCore
import UnknotHearing
import UnknotSession
import UnknotSignals

/// The station's ears: a microphone's raw audio (16 kHz, 16-bit) heard on its own thread by the
/// ``TableListener``, the labels read by a ``ReactionDetector``, and what it finds posted to the
/// loop as reactions (the engine answers them as the care plan says).
///
/// Guarantees: it runs only when the client's care plan lets the station listen
/// (``listens(for:)``); the audio is kept in memory only as long as the listener's window and is
/// never written anywhere — only labels and confidences leave it, as reactions in the record;
/// nothing here runs on the loop's thread.
public final class StationHearing: @unchecked Sendable {
    public let source: RawPCMSource
    private let listener: TableListener
    private var detector: ReactionDetector
    /// Every label heard, with its station time (for the station's log and tests).
    public private(set) var heard: [(at: Int, sound: SoundEvent)] = []
    /// Reactions the loop did not take (its command hand-off was full).
    public private(set) var refused = 0

    /// Whether the station may listen to this client at all.
    public static func listens(for carePlan: CarePlan) -> Bool { carePlan.stationMayListen }

    /// Ears on `source`, with the shipped network and `calibration`; the audio's first sample is
    /// at station time `startTime` ms.
    public init(source: RawPCMSource, calibration: HearingCalibration, startTime: Int) throws {
        self.source = source
        listener = TableListener(network: try YAMNet.network(), calibration: calibration, startTime: startTime)
        detector = try ReactionDetector(sampleRate: 25)
    }

    /// Hears until the source ends or `shouldStop` says so (checked between reads), posting
    /// reactions to `loop`.
    public func run<Hardware>(feeding loop: StationLoop<Hardware>, shouldStop: () -> Bool = { false }) {
        var block = [Int16](repeating: 0, count: 1_600)
        while !shouldStop(), loop.outcome == nil {
            let reading = block.withUnsafeMutableBufferPointer { source.read(into: $0) }
            guard case .samples(let count) = reading else {
                if reading == .ended { return }
                continue
            }
            block.withUnsafeBufferPointer { samples in
                listener.listen(pcm16: UnsafeBufferPointer(rebasing: samples[0..<count])) { at, sound in
                    heard.append((at, sound))
                    detector.sound(sound, at: at)
                }
            }
            while let found = detector.nextReaction() {
                if !loop.commands.post(.reaction(found.event)) { refused += 1 }
            }
        }
    }
}
