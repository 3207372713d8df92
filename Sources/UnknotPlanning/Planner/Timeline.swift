import Foundation
import UnknotCore

/// The strokes placed so far, the time they reach, and where the end effector is.
struct Timeline {
    var strokes: [Stroke] = []
    var position: SurfacePoint?

    /// The lift-and-move time from the current position to `point`, milliseconds.
    func gap(to point: SurfacePoint) -> Int {
        guard let position else { return SafetyLimits.minimumLiftMilliseconds }
        let travel = Int((position.distance(to: point) / SafetyLimits.maximumTravelSpeed * 1000).rounded(.up))
        return max(SafetyLimits.minimumLiftMilliseconds, (travel + 99) / 100 * 100)
    }

    /// Fills `[start, end)` with strokes on one part: first a full covering pass, then passes of
    /// each technique in turn until the time is used. Returns false, leaving the timeline as it
    /// was, when not even one covering pass fits.
    mutating func fill(
        _ work: PartWork, builder: PassBuilder, techniques: [Technique], phase: PhaseKind, from start: Int,
        to end: Int, extraFirstGap: Int
    ) -> Bool {
        var attempt: [StrokeDraft]?
        for (technique, factor) in Self.coveringPasses(techniques) {
            let drafts = builder.pass(technique, speedFactor: factor)
            if fits(drafts, from: start + extraFirstGap, to: end) {
                attempt = drafts
                break
            }
        }
        guard let cover = attempt, !cover.isEmpty else { return false }
        var cursor = start
        var firstGap = extraFirstGap
        for draft in cover {
            cursor = place(draft, work: work, phase: phase, at: cursor, extraGap: firstGap)
            firstGap = 0
        }
        // Further passes until the budget is used.
        var emptyCycle = 0
        var index = 0
        // A pass of one technique on one region is the same each time round: build it once.
        var built: [Technique: [StrokeDraft]] = [:]
        passes: while emptyCycle < techniques.count {
            let technique = techniques[index % techniques.count]
            index += 1
            let drafts = built[technique] ?? builder.pass(technique, speedFactor: 1)
            built[technique] = drafts
            if drafts.isEmpty {
                emptyCycle += 1
                continue
            }
            emptyCycle = 0
            for draft in drafts {
                let gap = gap(to: draft.path[0])
                if cursor + gap + draft.duration <= end {
                    cursor = place(draft, work: work, phase: phase, at: cursor, extraGap: 0)
                } else {
                    if let cut = draft.truncated(to: end - cursor - gap) {
                        cursor = place(cut, work: work, phase: phase, at: cursor, extraGap: 0)
                    }
                    break passes
                }
            }
        }
        return true
    }

    /// The covering passes `fill` tries, in order: the phase's covering technique at its own
    /// speed and faster, then gliding.
    static func coveringPasses(_ techniques: [Technique]) -> [(Technique, Double)] {
        let covering = techniques.first { $0.spec.covers } ?? .gliding
        return [(covering, 1.0), (covering, 1.5), (covering, 2.0), (.gliding, 1.0), (.gliding, 5.0 / 3)]
    }

    /// The shortest time a covering pass `fill` accepts takes from the current position, lifts
    /// included, ms; `nil` when no covering pass can be built on the part at all (nothing of it
    /// is left between the areas to avoid).
    func coveringTime(builder: PassBuilder, techniques: [Technique]) -> Int? {
        var best: Int?
        for (technique, factor) in Self.coveringPasses(techniques) {
            let drafts = builder.pass(technique, speedFactor: factor)
            guard !drafts.isEmpty else { continue }
            var time = 0
            var at = position
            for draft in drafts {
                time += Timeline(strokes: [], position: at).gap(to: draft.path[0]) + draft.duration
                at = draft.path[draft.path.count - 1]
            }
            best = min(best ?? time, time)
        }
        return best
    }

    func fits(_ drafts: [StrokeDraft], from start: Int, to end: Int) -> Bool {
        var cursor = start
        var at = position
        for draft in drafts {
            let probe = Timeline(strokes: [], position: at)
            cursor += probe.gap(to: draft.path[0]) + draft.duration
            at = draft.path[draft.path.count - 1]
            if cursor > end { return false }
        }
        return true
    }

    /// Appends a stroke after the lift from the current position; returns its end time.
    mutating func place(_ draft: StrokeDraft, work: PartWork, phase: PhaseKind, at cursor: Int, extraGap: Int) -> Int {
        let start = cursor + gap(to: draft.path[0]) + extraGap
        let duration = draft.duration
        let target = PressureScale.force(draft.level, on: work.region, with: draft.technique)
        let stroke = Stroke(
            part: work.part, face: work.face, phase: phase, technique: draft.technique, level: draft.level,
            targetForce: target, speed: draft.technique.spec.holdsStill ? 0 : draft.speed,
            startMilliseconds: start, durationMilliseconds: duration, path: draft.path,
            force: ForceProfile.keyframes(
                target: target, duration: duration, modulation: draft.technique.spec.force,
                slowRise: draft.technique == .triggerPointHold),
            adaptation: draft.adaptation)
        strokes.append(stroke)
        position = draft.path[draft.path.count - 1]
        return start + duration
    }
}
