import Foundation
import UnknotCore
import UnknotHearing

/// A simulated station's microphone in a simulated room: the studio's sound (soft music and a
/// robot's hum, synthesised, a stated level below the voice) with real recordings of the
/// client's sounds mixed in when the client makes them, heard by the station's own
/// ``TableListener`` — the same code path as a real microphone.
///
/// Guarantees: deterministic for a seed; the room's audio exists only in memory, a block at a
/// time; sounds of kinds with no recording are not played (the station then has only the
/// simulated classifier's labels for them, see ``SimulatedStation/listen(_:)``).
public struct SimulatedHearing: Sendable {
    public let voices: RecordedVoices
    public let listener: TableListener
    /// How far below the voice the room is (dB).
    public let roomBelowVoice: Double
    private let room: [Float]
    private let seed: UInt64
    private var playing: [(start: Int, samples: [Float])] = []
    private var made: [SoundEvent.Kind: Int] = [:]
    /// Samples heard so far (16 kHz from the session's start).
    public private(set) var heardSamples = 0
    private var block = [Float](repeating: 0, count: 160)

    public static let sampleRate = 16_000

    /// - Parameters:
    ///   - roomBelowVoice: the studio's level under the voice's, in dB (10: soft music and a hum).
    public init(
        voices: RecordedVoices, network: QuantizedNetwork, calibration: HearingCalibration, seed: UInt64,
        roomBelowVoice: Double = 10
    ) {
        self.voices = voices
        listener = TableListener(network: network, calibration: calibration)
        self.roomBelowVoice = roomBelowVoice
        self.seed = seed
        // 20 s of the room, looped (its chords, swell and hum all repeat within 20 s).
        var room = StudioSound.sound(count: 20 * Self.sampleRate, seed: seed)
        let power = room.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(room.count)
        let wanted = Double(RecordedVoices.loudness) / pow(10, roomBelowVoice / 20)
        let gain = Float(power > 0 ? wanted / power.squareRoot() : 0)
        for i in room.indices { room[i] *= gain }
        self.room = room
    }

    /// The client makes `voice`: clips of its kind, one after another, for as long as it lasts.
    /// - Returns: whether a recording of that kind was played.
    @discardableResult
    public mutating func play(_ voice: Voice) -> Bool {
        guard voices.has(voice.kind) else { return false }
        var samples: [Float] = []
        let wanted = voice.milliseconds * Self.sampleRate / 1_000
        while samples.count < wanted {
            let number = made[voice.kind, default: 0]
            made[voice.kind] = number + 1
            guard let clip = voices.clip(voice.kind, number: number, seed: seed) else { break }
            samples += clip.samples
            // A breath between one clip and the next.
            if samples.count < wanted { samples += [Float](repeating: 0, count: Self.sampleRate / 4) }
        }
        samples = Array(samples.prefix(max(wanted, 1)))
        // 20 ms fade-out, so a cut sound does not click.
        let fade = min(320, samples.count)
        for k in 0..<fade { samples[samples.count - fade + k] *= Float(fade - k) / Float(fade) }
        playing.append((voice.at * Self.sampleRate / 1_000, samples))
        return true
    }

    /// Hears the room up to station time `now` (ms), 10 ms at a time; calls `onSound` with each
    /// label heard and the time (ms) it was heard.
    public mutating func listen(upTo now: Int, onSound: (Int, SoundEvent) -> Void) {
        let until = now * Self.sampleRate / 1_000
        while heardSamples + block.count <= until {
            for k in block.indices { block[k] = room[(heardSamples + k) % room.count] }
            for voice in playing where voice.start < heardSamples + block.count {
                let from = max(0, heardSamples - voice.start)
                let to = min(voice.samples.count, heardSamples + block.count - voice.start)
                guard from < to else { continue }
                for s in from..<to { block[s + voice.start - heardSamples] += voice.samples[s] }
            }
            for k in block.indices { block[k] = max(-1, min(1, block[k])) }
            heardSamples += block.count
            playing.removeAll { $0.start + $0.samples.count <= heardSamples }
            block.withUnsafeBufferPointer { listener.listen($0, onSound: onSound) }
        }
    }
}
