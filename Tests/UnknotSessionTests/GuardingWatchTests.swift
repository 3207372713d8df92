import Foundation
import Testing
import UnknotCore

@testable import UnknotSession

/// The guarding watch on arms that land the way real ones do: slowly, and sometimes with a bounce.
/// Found on the physics twin (issue #19): the watch took its baseline while contact was only
/// *commanded*, so an arm still coming down (stiffness 0) made its own landing look like guarding.
@Suite("Guarding watch")
struct GuardingWatchTests {
    static let press = Setpoint(
        contact: true, position: SurfacePoint(x: 20, y: 30), face: .posterior, part: BodyPartID(.upperBack, .left),
        technique: .gliding, normalForce: 8, speed: 3)

    /// Feeds `frames` frames from `start`; returns the evidence the watch gave and when. After
    /// evidence, the watch is quiet for 10 s, as the engine keeps it while the pain response acts.
    static func feed(
        _ watch: inout GuardingWatch, from start: Int = 0, frames: Int, frame: (Int) -> SensorFrame
    ) -> [Found] {
        var found: [Found] = []
        for t in start..<(start + frames) {
            if let evidence = watch.observe(frame(t - start), following: press, working: true, at: t) {
                found.append(Found(evidence: evidence, at: t))
                watch.quiet(until: t + 10_000)
            }
        }
        return found
    }

    struct Found: Equatable {
        var evidence: ReactionEvidence
        var at: Int
    }

    @Test("An arm that takes 600 ms to land, then presses steadily on 9 N/cm tissue, is not guarding")
    func slowLanding() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 5_000) { t in
            // 600 ms in the air, then the force rises over 200 ms to the target and stays.
            if t < 600 { return SensorFrame(measuredForce: 0, tissueStiffness: 0) }
            let force = min(8, 8 * Double(t - 600) / 200)
            return SensorFrame(measuredForce: force, tissueStiffness: 9)
        }
        #expect(found.isEmpty, "the landing was read as \(found)")
    }

    @Test("A landing that bounces (touch, lift, touch) takes its baseline once the pad has settled")
    func bouncingLanding() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 5_000) { t in
            switch t {
            case ..<100: SensorFrame(measuredForce: 0, tissueStiffness: 0)
            case ..<180: SensorFrame(measuredForce: 5, tissueStiffness: 3)
            case ..<260: SensorFrame(measuredForce: 0, tissueStiffness: 0)
            default: SensorFrame(measuredForce: 8, tissueStiffness: 9)
            }
        }
        #expect(found.isEmpty, "the bounce was read as \(found)")
    }

    @Test("Tissue stiffening after a slow landing is still guarding, noticed within a second")
    func stiffeningAfterSlowLanding() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 4_000) { t in
            if t < 600 { return SensorFrame(measuredForce: 0, tissueStiffness: 0) }
            // Settled at 9 N/cm until 2.5 s, then the muscle guards: ×1.9.
            return SensorFrame(measuredForce: 8, tissueStiffness: t < 2_500 ? 9 : 17)
        }
        #expect(found.map(\.evidence) == [.guarding])
        #expect(found.allSatisfy { (2_500..<3_500).contains($0.at) }, "noticed at \(found)")
    }

    /// Found on the physics twin: a sore spot that guards once pressed past halfway from level 2 to
    /// level 3 guarded while a level-3 press was still settling in, and the watch took the guarded
    /// stiffness as its baseline — the engine never heard it.
    @Test("Guarding that begins while the pad is still pressing in is noticed within a second")
    func guardingWhilePressingIn() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 4_000) { Self.guardingAsItLands(at: $0, losing: []) }
        #expect(found.map(\.evidence) == [.guarding])
        #expect(found.allSatisfy { (760..<1_760).contains($0.at) }, "noticed at \(found)")
    }

    /// Found on the physics twin: the pad lost the skin for a millisecond while pressing in (crossing
    /// an edge of the body's contact mesh), the watch restarted its baseline on tissue already
    /// guarding, and never heard it.
    @Test("Readings lost for a millisecond while the press settles do not restart its baseline")
    func gapsWhileSettling() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 4_000) { Self.guardingAsItLands(at: $0, losing: [790, 850, 905]) }
        #expect(found.map(\.evidence) == [.guarding])
        #expect(found.allSatisfy { (760..<1_760).contains($0.at) }, "noticed at \(found)")
    }

    /// 600 ms in the air, then a press rising over 200 ms to 8 N on 9 N/cm tissue: landed at about
    /// 700 ms (half the target), the muscle guards from 760 ms toward ×1.9 with a time constant of
    /// 150 ms — inside the 300 ms the press takes to settle. No reading at the milliseconds `lost`.
    static func guardingAsItLands(at t: Int, losing lost: Set<Int>) -> SensorFrame {
        if t < 600 || lost.contains(t) { return SensorFrame(measuredForce: 0, tissueStiffness: 0) }
        let force = min(8, 8 * Double(t - 600) / 200)
        let guarding = t < 760 ? 0 : 1 - exp(-Double(t - 760) / 150)
        return SensorFrame(measuredForce: force, tissueStiffness: 9 * (1 + 0.9 * guarding))
    }

    @Test("A force spike under a steady command is still noticed")
    func spike() {
        var watch = GuardingWatch()
        let found = Self.feed(&watch, frames: 2_000) { t in
            if t < 400 { return SensorFrame(measuredForce: 0, tissueStiffness: 0) }
            return SensorFrame(measuredForce: t < 1_500 ? 8 : 16, tissueStiffness: 9)
        }
        #expect(found.map(\.evidence) == [.forceSpike])
        #expect(found.allSatisfy { (1_500..<1_600).contains($0.at) }, "noticed at \(found)")
    }
}
