import Foundation
import Testing
import UnknotCore
import UnknotSignals

/// The reaction detector on hand-made body signals: each reaction shows the way CARE.md section 7
/// says it does, and the detector names it (and nothing else).
@Suite("Reaction detection")
struct ReactionDetectorTests {
    static let rate = 25.0

    /// Runs `seconds` of breathing at 14/min (plus `extra` at each time) and skin conductance
    /// (`skin` at each time), with a steady heart, through a detector; returns what it reported.
    static func run(
        seconds: Double, sounds: [(Int, SoundEvent)] = [], extra: (Double) -> Double = { _ in 0 },
        skin: (Double) -> Double = { _ in 6 }, rr: (Double) -> Double = { _ in 850 }
    ) throws -> [(at: Int, event: ReactionEvent)] {
        var detector = try ReactionDetector(sampleRate: rate)
        var found: [(at: Int, event: ReactionEvent)] = []
        var pending = sounds.sorted { $0.0 < $1.0 }
        var nextBeat = 0
        for k in 0..<Int(seconds * rate) {
            let time = k * 40
            let t = Double(time) / 1_000
            while nextBeat <= time {
                let interval = rr(Double(nextBeat) / 1_000)
                detector.beat(rrMilliseconds: interval, at: nextBeat)
                nextBeat += Int(interval)
            }
            while let first = pending.first, first.0 <= time {
                detector.sound(first.1, at: first.0)
                pending.removeFirst()
            }
            let breath = sin(2 * Double.pi * 14 / 60 * t) + extra(t)
            detector.sample(skinConductance: skin(t), respiration: breath, at: time)
            while let reaction = detector.nextReaction() { found.append(reaction) }
        }
        return found
    }

    static func kinds(_ found: [(at: Int, event: ReactionEvent)]) -> Set<ReactionKind> { Set(found.map(\.event.kind)) }

    @Test("Quiet breathing and a steady heart: nothing to report")
    func quiet() throws {
        #expect(try Self.run(seconds: 90).isEmpty)
    }

    @Test("Rapid breath bursts at 5 Hz for two seconds are laughter, found within a second")
    func laughter() throws {
        let found = try Self.run(seconds: 60) { t in t >= 40 && t < 42 ? 0.6 * sin(2 * Double.pi * 5 * t) : 0 }
        #expect(Self.kinds(found) == [.laughter])
        let at = try #require(found.first?.at)
        #expect(at >= 40_000 && at <= 41_000)
    }

    @Test("Trains of catching inhalations at 2.7 Hz are crying; a sobbing label makes it surer")
    func crying() throws {
        let sobs: (Double) -> Double = { t in
            let inhaling = sin(2 * Double.pi * 14 / 60 * t) > 0
            return t >= 40 && t < 70 && inhaling ? 1.4 * max(0, sin(2 * Double.pi * 2.7 * t)) : 0
        }
        let bodyOnly = try Self.run(seconds: 90, extra: sobs)
        #expect(Self.kinds(bodyOnly) == [.crying])
        let withSound = try Self.run(
            seconds: 90, sounds: [(40_500, SoundEvent(.sobbing, confidence: 0.9))], extra: sobs)
        let fused = try #require(withSound.first { $0.event.evidence.count > 1 })
        #expect(fused.event.kind == .crying)
        #expect(fused.event.confidence > (bodyOnly.first?.event.confidence ?? 1))
        #expect(fused.event.evidence.contains(.sound(.sobbing)))
    }

    @Test("Tears whose heart rate rose then fell are surer than breath alone, and say so")
    func cryingHeart() throws {
        let sobs: (Double) -> Double = { t in
            let inhaling = sin(2 * Double.pi * 14 / 60 * t) > 0
            return t >= 40 && t < 90 && inhaling ? 1.4 * max(0, sin(2 * Double.pi * 2.7 * t)) : 0
        }
        // 70 bpm, up to 84 during the first 15 s of tears, then down to 66.
        let rr: (Double) -> Double = { t in
            let bpm = t < 40 ? 70.0 : t < 55 ? 70 + 14 * min(1, (t - 40) / 4) : max(66, 84 - 6 * (t - 55))
            return 60_000 / bpm
        }
        let found = try Self.run(seconds: 100, extra: sobs, rr: rr).filter { $0.event.kind == .crying }
        #expect(found.count >= 3)
        #expect(found.contains { $0.event.evidence.contains(.heartRateUp) })
        #expect(found.contains { $0.event.evidence.contains(.heartRateUpThenFalling) })
        #expect(found.allSatisfy { $0.event.confidence >= 0.7 })
    }

    @Test("Tears whose heart rises a few seconds in are reported again at once, not 15 s later")
    func cryingEvidenceGrows() throws {
        let sobs: (Double) -> Double = { t in
            let inhaling = sin(2 * Double.pi * 14 / 60 * t) > 0
            return t >= 40 && t < 90 && inhaling ? 1.4 * max(0, sin(2 * Double.pi * 2.7 * t)) : 0
        }
        // 70 bpm until 4 s into the tears, then up to 84 over 4 s.
        let rr: (Double) -> Double = { t in 60_000 / (t < 44 ? 70.0 : 70 + 14 * min(1, (t - 44) / 4)) }
        let found = try Self.run(seconds: 70, extra: sobs, rr: rr).filter { $0.event.kind == .crying }
        let first = try #require(found.first)
        #expect(first.event.confidence < 0.6, "breath alone comes first: \(first.event.confidence)")
        let sure = try #require(found.first { $0.event.confidence >= 0.7 })
        #expect(sure.at < 52_000, "the heart's evidence reported at \(sure.at) ms, tears from 40 000")
        #expect(sure.event.evidence.contains(.heartRateUp))
    }

    /// A skin conductance response of `amplitude` µS starting at `onset` s (rise 0.75 s, decay 4 s).
    static func response(_ amplitude: Double, at onset: Double) -> (Double) -> Double {
        { t in t < onset ? 6 : 6 + amplitude * (exp(-(t - onset) / 4) - exp(-(t - onset) / 0.75)) }
    }

    @Test("A large skin response with nothing else going on is pain; a groan makes it surer")
    func pain() throws {
        let found = try Self.run(seconds: 60, skin: Self.response(1.1, at: 30))
        #expect(Self.kinds(found) == [.pain])
        let groaned = try Self.run(
            seconds: 60, sounds: [(30_500, SoundEvent(.groan, confidence: 0.8))], skin: Self.response(1.1, at: 30))
        #expect((groaned.first?.event.confidence ?? 0) > (found.first?.event.confidence ?? 1))
    }

    @Test("A small skin response, like the spontaneous ones, is not pain")
    func smallResponse() throws {
        #expect(try Self.run(seconds: 60, skin: Self.response(0.2, at: 30)).isEmpty)
    }

    @Test("Stomach rumbles and flatulence are digestive noise, never distress, even with a skin response")
    func digestive() throws {
        let sounds: [(Int, SoundEvent)] = [
            (20_000, SoundEvent(.stomachRumble, confidence: 0.9)), (30_200, SoundEvent(.flatulence, confidence: 0.8)),
        ]
        let found = try Self.run(seconds: 60, sounds: sounds, skin: Self.response(1.1, at: 30))
        #expect(found.filter { $0.event.kind == .digestiveNoise }.count == 2)
        #expect(!Self.kinds(found).contains(.crying))
        // The skin response beside a gut sound may still be reported, but never as a sure pain.
        #expect(found.filter { $0.event.kind == .pain }.allSatisfy { $0.event.confidence < 0.5 })
    }

    @Test("One breath twice as deep as the others is a sigh")
    func sigh() throws {
        let period = 60.0 / 14
        let found = try Self.run(seconds: 60) { t in
            t >= 10 * period && t < 11 * period ? 1.6 * sin(2 * Double.pi * 14 / 60 * t) : 0
        }
        #expect(Self.kinds(found) == [.sigh])
    }
}
