import UnknotCore

/// Builds the force profile of a stroke: a rise from no contact to the target, the technique's
/// modulation, and a release, as piecewise-linear keyframes.
///
/// Guarantees: starts and ends at 0 N; never exceeds `target`; every rise is at most
/// ``SafetyLimits/maximumForceRise`` N/s and every fall at most ``SafetyLimits/maximumForceFall``
/// N/s (ramp times are rounded up to whole milliseconds, never down).
enum ForceProfile {
    static func keyframes(target: Double, duration: Int, modulation: ForceModulation, slowRise: Bool = false)
        -> [ForceKeyframe]
    {
        guard duration > 0, target > 0 else { return [ForceKeyframe(0, 0), ForceKeyframe(max(duration, 0), 0)] }
        let rise = SafetyLimits.maximumForceRise * (slowRise ? 0.5 : 1)
        let fall = SafetyLimits.maximumForceFall
        var peak = target
        var up = rampMilliseconds(peak, rate: rise)
        var down = rampMilliseconds(peak, rate: fall)
        if up + down > duration {
            // Too short to reach the target: aim lower so that both ramps fit.
            peak = Double(duration) / 1000 / (1 / rise + 1 / fall) * 0.999
            up = rampMilliseconds(peak, rate: rise)
            down = rampMilliseconds(peak, rate: fall)
            if up + down > duration { return [ForceKeyframe(0, 0), ForceKeyframe(duration, 0)] }
        }
        var frames = [ForceKeyframe(0, 0), ForceKeyframe(up, peak)]
        let holdEnd = duration - down
        if case .wave(let period, let requestedDepth) = modulation, holdEnd - up > Int(period * 1000) {
            let half = Int(period * 500)
            // Keep the wave's slopes within the rise limit.
            let depth = min(requestedDepth, rise * Double(half) / 1000 / peak)
            let low = peak * (1 - depth)
            var t = up
            var atPeak = true
            while t + half <= holdEnd {
                t += half
                atPeak.toggle()
                frames.append(ForceKeyframe(t, atPeak ? peak : low))
            }
            if !atPeak {
                // Finish the last trough back at the peak only if there is time; else release from it.
                let back = rampMilliseconds(peak - low, rate: rise)
                if t + back <= holdEnd {
                    frames.append(ForceKeyframe(t + back, peak))
                    t += back
                }
            }
            let last = frames[frames.count - 1]
            let release = rampMilliseconds(last.newtons, rate: fall)
            if duration - release > last.milliseconds {
                frames.append(ForceKeyframe(duration - release, last.newtons))
            }
            frames.append(ForceKeyframe(duration, 0))
            return frames
        }
        if holdEnd > up { frames.append(ForceKeyframe(holdEnd, peak)) }
        frames.append(ForceKeyframe(duration, 0))
        return frames
    }

    static func rampMilliseconds(_ newtons: Double, rate: Double) -> Int {
        Int((newtons / rate * 1000).rounded(.up))
    }
}
