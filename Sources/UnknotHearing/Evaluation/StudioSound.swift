import Foundation

/// The sound of a massage studio, synthesised: soft music (slow chords of sine tones with a
/// gentle swell) and a robot's hum (a 100 Hz motor tone with its harmonics and a little
/// broadband fan noise), to mix a clip into at a chosen level below the voice.
public enum StudioSound {
    /// `voice` with the studio's sound added `decibels` below the voice's power (measured over the
    /// loudest half of its 20 ms frames, so silence around a sound does not count).
    public static func mix(_ voice: [Float], belowVoice decibels: Double = 10, seed: UInt64) -> [Float] {
        let room = sound(count: voice.count, seed: seed)
        let voicePower = activePower(voice)
        let roomPower = room.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(room.count, 1))
        guard voicePower > 0, roomPower > 0 else { return voice }
        let gain = Float((voicePower / roomPower / pow(10, decibels / 10)).squareRoot())
        return zip(voice, room).map { max(-1, min(1, $0 + gain * $1)) }
    }

    /// `count` samples at 16 kHz of music and hum, unscaled.
    public static func sound(count: Int, seed: UInt64) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func random() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Double(state >> 11) / Double(1 << 53)
        }
        let chords: [[Double]] = [
            [220, 277.2, 329.6], [196, 246.9, 293.7], [174.6, 220, 261.6], [164.8, 207.7, 246.9],
        ]
        let start = Int(random() * 4)
        let phase = random() * 2 * Double.pi
        var fan: Double = 0
        var out = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let t = Double(i) / 16_000
            let chord = chords[(start + Int(t / 2.5)) % chords.count]
            let swell = 0.6 + 0.4 * sin(2 * Double.pi * 0.2 * t + phase)
            var music = 0.0
            for (k, f) in chord.enumerated() { music += sin(2 * Double.pi * f * t + Double(k)) / 3 }
            let hum =
                0.6 * sin(2 * Double.pi * 100 * t) + 0.3 * sin(2 * Double.pi * 200 * t) + 0.15
                * sin(2 * Double.pi * 300 * t)
            fan += 0.05 * ((random() - 0.5) - fan)  // low-passed noise
            out[i] = Float(0.5 * swell * music + 0.4 * hum + 2 * fan)
        }
        return out
    }

    /// The mean power of the loudest half of `x`'s 20 ms frames (silence around a sound does not count).
    public static func activePower(_ x: [Float]) -> Double {
        let frame = 320
        var powers: [Double] = []
        var i = 0
        while i + frame <= x.count {
            powers.append(x[i..<(i + frame)].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(frame))
            i += frame
        }
        guard !powers.isEmpty else { return 0 }
        let loud = powers.sorted(by: >).prefix(max(1, powers.count / 2))
        return loud.reduce(0, +) / Double(loud.count)
    }
}
