/// Artefact and ectopic-beat correction of detected heart beats, by Lipponen & Tarvainen's
/// method (2019, the one Kubios uses, and neurokit2's `signal_fixpeaks(method="Kubios")`):
/// successive RR differences and deviations from an 11-beat median, each normalised by a
/// threshold of 5.2 quartile deviations over 91 beats, place every beat in two decision
/// subspaces that tell an ectopic beat (a short-long or long-short pair) from a missed beat (an
/// interval twice the median), an extra beat (two intervals that sum to the median) and a long
/// or short interval. Extra beats are removed, missed beats added halfway, and ectopic and
/// long/short beats moved halfway between their neighbours; repeated while the count of
/// artefacts falls.
///
/// Guarantees: beats stay in order; with no artefacts the beats come back unchanged.
public struct BeatCorrection: Sendable, Hashable, Codable {
    /// What was found, by class, over all rounds.
    public var ectopic = 0
    public var missed = 0
    public var extra = 0
    public var longShort = 0
    /// The corrected beat positions (samples).
    public var beats: [Int]

    public var artefacts: Int { ectopic + missed + extra + longShort }

    /// Corrects `beats` (sample indices, ascending) recorded at `sampleRate` Hz.
    public init(beats: [Int], sampleRate: Double) {
        self.beats = beats
        guard beats.count >= 4, sampleRate > 0 else { return }
        var found = Self.find(beats, sampleRate: sampleRate)
        var count = found.count
        self.add(found)
        self.beats = Self.correct(found, beats)
        // Again while the number of artefacts falls.
        while true {
            let again = Self.find(self.beats, sampleRate: sampleRate)
            guard again.count < count else { break }
            count = again.count
            found = again
            self.add(found)
            self.beats = Self.correct(found, self.beats)
        }
    }

    private mutating func add(_ found: Found) {
        ectopic += found.ectopic.count
        missed += found.missed.count
        extra += found.extra.count
        longShort += found.longShort.count
    }

    /// Beat indices by class.
    struct Found {
        var ectopic: [Int] = []
        var missed: [Int] = []
        var extra: [Int] = []
        var longShort: [Int] = []
        var count: Int { ectopic.count + missed.count + extra.count + longShort.count }
    }

    static let c1 = 0.13
    static let c2 = 0.17
    static let alpha = 5.2
    static let thresholdWindow = 91
    static let medianWindow = 11

    static func find(_ beats: [Int], sampleRate: Double) -> Found {
        let n = beats.count
        // Intervals in seconds, one per beat; the first is the mean of the others.
        var rr = [Double](repeating: 0, count: n)
        for i in 1..<n { rr[i] = Double(beats[i] - beats[i - 1]) / sampleRate }
        rr[0] = n > 1 ? rr[1...].reduce(0, +) / Double(n - 1) : 1
        var drrs = [Double](repeating: 0, count: n)
        for i in 1..<n { drrs[i] = rr[i] - rr[i - 1] }
        drrs[0] = n > 1 ? drrs[1...].reduce(0, +) / Double(n - 1) : 0
        let th1 = threshold(drrs)
        for i in 0..<n { drrs[i] = th1[i] != 0 ? drrs[i] / th1[i] : .nan }
        // Reflected at the ends, two each side (numpy's "reflect").
        func padded(_ k: Int) -> Double {
            var k = k
            if k < 0 { k = -k }
            if k >= n { k = 2 * (n - 1) - k }
            return drrs[min(max(k, 0), n - 1)]
        }
        var s12 = [Double](repeating: 0, count: n)
        var s22 = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let d = drrs[i]
            if d > 0 {
                s12[i] = nanMax(padded(i - 1), padded(i + 1))
            } else if d < 0 {
                s12[i] = nanMin(padded(i - 1), padded(i + 1))
            }
            if d >= 0 {
                s22[i] = nanMin(padded(i + 1), padded(i + 2))
            } else if d < 0 {
                s22[i] = nanMax(padded(i + 1), padded(i + 2))
            }
        }
        let medrr = rollingMedian(rr, window: medianWindow)
        var mrrs = (0..<n).map { rr[$0] - medrr[$0] }
        for i in 0..<n where mrrs[i] < 0 { mrrs[i] *= 2 }
        let th2 = threshold(mrrs)
        for i in 0..<n { mrrs[i] = th2[i] != 0 ? mrrs[i] / th2[i] : .nan }

        var found = Found()
        var i = 0
        while i < n - 2 {
            if !(abs(drrs[i]) > 1) {
                i += 1
                continue
            }
            let eq1 = drrs[i] > 1 && s12[i] < -c1 * drrs[i] - c2
            let eq2 = drrs[i] < -1 && s12[i] > -c1 * drrs[i] + c2
            if eq1 || eq2 {
                found.ectopic.append(i)
                i += 1
                continue
            }
            var candidates = [i]
            if abs(drrs[i + 1]) < abs(drrs[i + 2]) { candidates.append(i + 1) }
            for j in candidates {
                let eq3 = drrs[j] > 1 && s22[j] < -1
                let eq4 = abs(mrrs[j]) > 3
                let eq5 = drrs[j] < -1 && s22[j] > 1
                guard eq3 || eq4 || eq5 else {
                    i += 1
                    continue
                }
                let eq6 = abs(rr[j] / 2 - medrr[j]) < th2[j]
                let eq7 = j + 1 < n && abs(rr[j] + rr[j + 1] - medrr[j]) < th2[j]
                if eq5 && eq7 {
                    found.extra.append(j)
                } else if eq3 && eq6 {
                    found.missed.append(j)
                } else {
                    found.longShort.append(j)
                }
                i += 1
            }
        }
        return found
    }

    /// numpy's max/min of two values: NaN if either is.
    private static func nanMax(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : max(a, b) }
    private static func nanMin(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : min(a, b) }

    /// 5.2 quartile deviations of |x| over a centred 91-value window (shorter at the ends).
    static func threshold(_ x: [Double]) -> [Double] {
        let magnitudes = x.map(abs)
        let half = thresholdWindow / 2
        return magnitudes.indices.map { i in
            let window = magnitudes[max(0, i - half)...min(magnitudes.count - 1, i + half)].sorted()
            return alpha * (quantile(window, 0.75) - quantile(window, 0.25)) / 2
        }
    }

    /// The q-quantile of sorted values, interpolating linearly (pandas' default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    /// The median over a centred window (shorter at the ends).
    static func rollingMedian(_ x: [Double], window: Int) -> [Double] {
        let half = window / 2
        return x.indices.map { i in
            let values = x[max(0, i - half)...min(x.count - 1, i + half)].sorted()
            let m = values.count / 2
            return values.count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2
        }
    }

    /// Applies the corrections: extra beats out, missed beats in, misplaced beats moved.
    static func correct(_ found: Found, _ beats: [Int]) -> [Int] {
        var peaks = beats
        var missed = found.missed
        var ectopic = found.ectopic
        var longShort = found.longShort
        func shifted(_ list: [Int], by sources: [Int], _ delta: Int) -> [Int] {
            var list = list
            for s in sources { list = list.map { $0 > s ? $0 + delta : $0 } }
            return Array(Set(list)).sorted()
        }
        if !found.extra.isEmpty {
            let removed = Set(found.extra)
            peaks = peaks.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
            missed = shifted(missed, by: found.extra, -1)
            ectopic = shifted(ectopic, by: found.extra, -1)
            longShort = shifted(longShort, by: found.extra, -1)
        }
        if !missed.isEmpty {
            let valid = missed.filter { $0 > 1 && $0 < peaks.count }
            // Each new beat halfway between its neighbours, inserted before the original index.
            var insertions: [(at: Int, value: Int)] = valid.map { index in
                let previous = Double(peaks[index - 1])
                let next = Double(peaks[index])
                return (index, Int(previous + (next - previous) / 2))
            }
            insertions.sort { $0.at < $1.at }
            var result: [Int] = []
            result.reserveCapacity(peaks.count + insertions.count)
            var k = 0
            for (index, value) in peaks.enumerated() {
                while k < insertions.count, insertions[k].at == index {
                    result.append(insertions[k].value)
                    k += 1
                }
                result.append(value)
            }
            peaks = result
            ectopic = shifted(ectopic, by: missed, 1)
            longShort = shifted(longShort, by: missed, 1)
        }
        for misplaced in [ectopic, longShort] where !misplaced.isEmpty {
            let valid = misplaced.filter { $0 > 1 && $0 < peaks.count - 1 }
            let moved = valid.map { index -> Int in
                let previous = Double(peaks[index - 1])
                let next = Double(peaks[index + 1])
                return Int(previous + (next - previous) / 2)
            }
            let removed = Set(valid)
            peaks = peaks.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + moved
            peaks.sort()
        }
        return peaks
    }
}
