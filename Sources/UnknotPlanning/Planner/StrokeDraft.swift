import UnknotCore

/// A stroke before it is placed in time.
struct StrokeDraft {
    var technique: Technique
    var level: PressureLevel
    var path: [SurfacePoint]
    var speed: Double
    var holdMilliseconds: Int
    var adaptation: StrokeAdaptation?

    var length: Double { zip(path, path.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) } }

    var duration: Int {
        if technique.spec.holdsStill { return holdMilliseconds }
        return Int((length / speed * 1000).rounded(.up))
    }

    /// The draft cut down to last at most `milliseconds`; `nil` if too little would remain.
    func truncated(to milliseconds: Int) -> StrokeDraft? {
        guard milliseconds >= 3_000 else { return nil }
        var copy = self
        if technique.spec.holdsStill {
            copy.holdMilliseconds = min(holdMilliseconds, milliseconds)
            return copy
        }
        var budget = speed * Double(milliseconds - 1) / 1000
        var cut: [SurfacePoint] = [path[0]]
        for (a, b) in zip(path, path.dropFirst()) {
            let d = a.distance(to: b)
            if d >= budget {
                if budget > 0.05 { cut.append(a.interpolated(to: b, budget / d)) }
                break
            }
            cut.append(b)
            budget -= d
        }
        guard cut.count >= 2 else { return nil }
        copy.path = cut
        return copy
    }
}
