import Foundation
import PropertyBased
import Testing
import UnknotCore

@testable import UnknotSignals

/// Issue #14: tears read sooner must not find tears in movement. systole's Task1 (a real
/// laboratory recording, nobody crying) gave 15 crying reports the session would act on: its
/// breathing belt jolts 10-30 breaths deep when the person moves, and a 2-3.3 Hz band-pass
/// struck by a jolt rings like a train of catching breaths.
@Suite("Breathing: movement and jolts are not sobs, laughter or sighs")
struct BreathMovementTests {
    static let rate = 25.0
    static let perMinute = 18.0

    /// Quiet breathing 0.3 deep (peak to trough) at 18 a minute, as on Task1's belt.
    static func breath(_ t: Double) -> Double { 0.15 * sin(2 * Double.pi * perMinute / 60 * t) }

    /// A jolt: the belt drops `height` at `at` and comes back over `width` seconds, or jumps and
    /// stays (a new resting level) when `stays`.
    static func jolt(_ t: Double, at: Double, height: Double, width: Double, stays: Bool = false) -> Double {
        guard t >= at else { return 0 }
        if stays { return -height }
        return t < at + width ? -height : -height * exp(-(t - at - width) / 0.4)
    }

    /// Sobbing: trains of catching inhalations through each in-breath, 0.7 of a breath deep.
    static func sobs(_ t: Double, from: Double, to: Double) -> Double {
        guard t >= from, t < to, sin(2 * Double.pi * perMinute / 60 * t) > 0 else { return 0 }
        return 0.21 * max(0, sin(2 * Double.pi * 2.7 * t))
    }

    @Test(
        "Jolts 6-30 breaths deep, a sensor at its rail and a new resting level: nothing found; real sobs after them are"
    )
    func jolts() throws {
        let signal = (0..<Int(240 * Self.rate)).map { i -> Double in
            let t = Double(i) / Self.rate
            return Self.breath(t) + Self.jolt(t, at: 40, height: 3, width: 0.2)  // 10 breaths deep
                + Self.jolt(t, at: 70, height: 10, width: 0.9)  // at the rail, held
                + Self.jolt(t, at: 100, height: 1.8, width: 0.1) + Self.jolt(t, at: 101.5, height: 2, width: 0.3)
                + Self.jolt(t, at: 130, height: -4.5, width: 0, stays: true)  // a new resting level
                + Self.sobs(t, from: 190, to: 210)
        }
        let events = try BreathEvents.read(signal, sampleRate: Self.rate)
        #expect(events.laughter.isEmpty, "\(events.laughter)")
        #expect(events.sighs.isEmpty, "\(events.sighs)")
        #expect(events.sobbing.count == 1, "\(events.sobbing)")
        if let bout = events.sobbing.first {
            #expect(abs(Double(bout.start) / 1_000 - 190) < 2.5, "the real sobs are found, and soon: \(bout)")
        }
    }

    @Test("Random jolts on quiet breathing never begin a bout of sob-like breathing or laughter")
    func randomJolts() async {
        await propertyCheck(count: 40, input: Gen.uint64().withoutShrink()) { seed in
            var random = SeededGenerator(seed: seed)
            // Four to eight jolts, 5-40 breaths deep, 0.05-0.8 s wide, at least 1 s apart.
            var jolts: [(at: Double, height: Double, width: Double)] = []
            var at = 20.0
            for _ in 0..<(4 + Int(random.next() % 5)) {
                at += 1 + Double.random(in: 0..<1, using: &random) * 15
                let sign: Double = random.next() % 2 == 0 ? 1 : -1
                jolts.append(
                    (
                        at, sign * 0.3 * (5 + Double.random(in: 0..<1, using: &random) * 35),
                        0.05 + Double.random(in: 0..<1, using: &random) * 0.75
                    ))
            }
            let signal = (0..<Int((at + 20) * Self.rate)).map { i -> Double in
                let t = Double(i) / Self.rate
                return jolts.reduce(Self.breath(t)) { $0 + Self.jolt(t, at: $1.at, height: $1.height, width: $1.width) }
            }
            do {
                let events = try BreathEvents.read(signal, sampleRate: Self.rate)
                #expect(events.sobbing.isEmpty, "seed \(seed), jolts \(jolts): \(events.sobbing)")
                #expect(events.laughter.isEmpty, "seed \(seed), jolts \(jolts): \(events.laughter)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("Breathing that becomes much deeper for good is learnt, not set aside as movement for ever")
    func deeperBreathing() throws {
        let signal = (0..<Int(150 * Self.rate)).map { i -> Double in
            let t = Double(i) / Self.rate
            let deeper = t >= 40 ? 6.0 : 1.0
            return deeper * Self.breath(t) + (t >= 100 && t < 120 ? 6 * Self.sobs(t, from: 100, to: 120) : 0)
        }
        var onsets = try BodySignalStream(sampleRate: Self.rate)
        var reader = try BreathEventReader(sampleRate: Self.rate)
        var disturbedLate = false
        var sobbing: [Int] = []
        for (i, value) in signal.enumerated() {
            let time = Int((Double(i) * 1_000 / Self.rate).rounded())
            let began = onsets.breath(value, at: time)
            if case .sobbingBegan(let start) = reader.step(value, at: time, breathBegan: began) {
                sobbing.append(start)
            }
            if time > 70_000, reader.isDisturbed(at: time) { disturbedLate = true }
        }
        #expect(!disturbedLate, "half a minute after the change the breathing is read again")
        #expect(sobbing.count == 1 && abs(Double(sobbing.first ?? 0) / 1_000 - 100) < 2.5, "\(sobbing)")
    }
}
