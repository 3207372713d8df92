import Foundation
import UnknotCore
import UnknotHearing

/// Real recordings of people crying, laughing, sighing, moaning, coughing and talking, read from
/// a data folder laid out as `../shared/data` is, for a simulated client to make real sounds
/// with (``SimulatedHearing``). Read at run time only, never copied: the recordings' licence
/// allows no derivatives.
///
/// Guarantees: every clip is 16 kHz mono, trimmed of the silence before and after the sound and
/// scaled to one loudness (its loudest half at an RMS of 0.1), so a room can be mixed at a
/// stated level below the voice; ``clip(_:number:)`` is deterministic.
public struct RecordedVoices: Sendable {
    public struct Clip: Sendable {
        public var speaker: String
        public var samples: [Float]
    }

    /// The clips of each kind, in file-name order.
    public let clips: [SoundEvent.Kind: [Clip]]
    public static let loudness: Float = 0.1

    /// The folder classes read, and the kind each stands for.
    static let classes: [String: SoundEvent.Kind] = [
        "crying": .crying, "laughing": .laughter, "sighing": .sigh, "moaning": .groan, "coughing": .cough,
        "speech": .speech,
    ]

    public init(clips: [SoundEvent.Kind: [Clip]]) { self.clips = clips }

    /// Reads the recordings under `data`.
    /// - Throws: an ``AudioFileError`` naming the folder or the file that could not be read.
    public static func load(from data: URL) throws -> RecordedVoices {
        var clips: [SoundEvent.Kind: [Clip]] = [:]
        for labelled in try LabelledClip.collect(in: data) {
            guard let kind = classes[labelled.label] else { continue }
            let audio = try WAVAudio(contentsOf: labelled.url)
            let samples = Resampler(from: audio.sampleRate).resample(audio.samples)
            guard let sound = trimmedAndScaled(samples) else { continue }
            clips[kind, default: []].append(Clip(speaker: labelled.speaker, samples: sound))
        }
        guard !clips.isEmpty else {
            throw AudioFileError("\(data.path) holds none of the recordings a client can make")
        }
        return RecordedVoices(clips: clips)
    }

    /// Whether there are recordings of `kind` (sobbing is heard as crying).
    public func has(_ kind: SoundEvent.Kind) -> Bool { !(clips[Self.recorded(kind)] ?? []).isEmpty }

    /// The `number`th clip a client of `seed` makes of `kind`: the same speaker each time where
    /// that speaker recorded the kind.
    public func clip(_ kind: SoundEvent.Kind, number: Int, seed: UInt64) -> Clip? {
        guard let all = clips[Self.recorded(kind)], !all.isEmpty else { return nil }
        let speakers = Array(Set(all.map(\.speaker))).sorted()
        let speaker = speakers[Int(seed % UInt64(speakers.count))]
        let own = all.filter { $0.speaker == speaker }
        return own[number % own.count]
    }

    static func recorded(_ kind: SoundEvent.Kind) -> SoundEvent.Kind { kind == .sobbing ? .crying : kind }

    /// The sound between its first and last 20 ms frame within 30 dB of its loudest, scaled.
    static func trimmedAndScaled(_ samples: [Float]) -> [Float]? {
        let frame = 320
        var powers: [Float] = []
        var i = 0
        while i + frame <= samples.count {
            powers.append(samples[i..<(i + frame)].reduce(0) { $0 + $1 * $1 } / Float(frame))
            i += frame
        }
        guard let loudest = powers.max(), loudest > 0 else { return nil }
        let floor = loudest / 1_000
        guard let first = powers.firstIndex(where: { $0 >= floor }),
            let last = powers.lastIndex(where: { $0 >= floor })
        else { return nil }
        let sound = Array(samples[(first * frame)..<min(samples.count, (last + 1) * frame)])
        let power = StudioSound.activePower(sound)
        guard power > 0 else { return nil }
        let gain = loudness / Float(power.squareRoot())
        return sound.map { max(-1, min(1, $0 * gain)) }
    }
}
