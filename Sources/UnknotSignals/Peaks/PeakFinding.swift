/// Building blocks shared by the peak detectors, each the same computation as its numpy or
/// scipy namesake.
public enum PeakFinding {
    /// `numpy.gradient`: central differences inside, one-sided at the ends.
    public static func gradient(_ x: [Double]) -> [Double] {
        let n = x.count
        guard n > 1 else { return Array(repeating: 0, count: n) }
        var g = [Double](repeating: 0, count: n)
        g[0] = x[1] - x[0]
        g[n - 1] = x[n - 1] - x[n - 2]
        if n > 2 { for i in 1..<(n - 1) { g[i] = (x[i + 1] - x[i - 1]) / 2 } }
        return g
    }

    /// `|numpy.gradient(x)|` in one pass.
    public static func gradientMagnitude(_ x: [Double]) -> [Double] {
        let n = x.count
        guard n > 1 else { return Array(repeating: 0, count: n) }
        return [Double](unsafeUninitializedCapacity: n) { g, initialized in
            x.withUnsafeBufferPointer { x in
                g[0] = abs(x[1] - x[0])
                g[n - 1] = abs(x[n - 1] - x[n - 2])
                if n > 2 { for i in 1..<(n - 1) { g[i] = abs((x[i + 1] - x[i - 1]) / 2) } }
            }
            initialized = n
        }
    }

    /// `scipy.ndimage.uniform_filter1d(x, size, mode="nearest")`: the mean over
    /// `x[i - size/2 ..< i - size/2 + size]`, edges repeated.
    public static func movingMean(_ x: [Double], size: Int) -> [Double] {
        let n = x.count
        guard n > 0, size > 1 else { return x }
        let before = size / 2
        let scale = 1 / Double(size)
        return [Double](unsafeUninitializedCapacity: n) { out, initialized in
            let output = ChunkedWork.Unchecked(out)
            x.withUnsafeBufferPointer { x in
                let input = ChunkedWork.Unchecked(x)
                // Blocks restart their sums, so they can go on any core with the same result.
                ChunkedWork.forEach(count: n, alignment: 4_096) { part in
                    let (x, out) = (input.value, output.value)
                    @inline(__always) func at(_ i: Int) -> Double { x[min(max(i, 0), n - 1)] }
                    // A running sum, restarted every 4,096 samples to keep rounding error tiny; the
                    // window leaves the signal only near the ends, where `at` repeats the edge.
                    var i = part.lowerBound
                    while i < part.upperBound {
                        let blockEnd = min(part.upperBound, i + 4_096)
                        var sum = 0.0
                        for j in (i - before)..<(i - before + size) { sum += at(j) }
                        out[i] = sum * scale
                        i += 1
                        let interiorEnd = min(blockEnd, n - size + before)
                        while i < blockEnd, i - before - 1 < 0 || i >= interiorEnd {
                            sum += at(i - before + size - 1) - at(i - before - 1)
                            out[i] = sum * scale
                            i += 1
                        }
                        while i < interiorEnd {
                            sum += x[i - before + size - 1] - x[i - before - 1]
                            out[i] = sum * scale
                            i += 1
                        }
                        while i < blockEnd {
                            sum += at(i - before + size - 1) - at(i - before - 1)
                            out[i] = sum * scale
                            i += 1
                        }
                    }
                }
            }
            initialized = n
        }
    }

    /// Local maxima as `scipy.signal.find_peaks` finds them: a plateau counts once, at its middle.
    public static func localMaxima(_ x: ArraySlice<Double>) -> [Int] {
        var peaks: [Int] = []
        let start = x.startIndex
        let last = x.endIndex - 1
        var i = start + 1
        while i < last {
            if x[i - 1] < x[i] {
                var ahead = i + 1
                while ahead < last, x[ahead] == x[i] { ahead += 1 }
                if x[ahead] < x[i] {
                    peaks.append((i + ahead - 1) / 2)
                    i = ahead
                }
            }
            i += 1
        }
        return peaks
    }

    /// `scipy.signal.peak_prominences` with no window: how far each peak rises above the higher
    /// of the lowest points on either side before a higher point.
    public static func prominences(_ x: ArraySlice<Double>, peaks: [Int]) -> [Double] {
        peaks.map { peak in
            let height = x[peak]
            var leftMin = height
            var i = peak
            while i >= x.startIndex, x[i] <= height {
                leftMin = min(leftMin, x[i])
                i -= 1
            }
            var rightMin = height
            i = peak
            while i < x.endIndex, x[i] <= height {
                rightMin = min(rightMin, x[i])
                i += 1
            }
            return height - max(leftMin, rightMin)
        }
    }

    /// Stretches where `inside(i)` holds, as neurokit2's detectors find them: each begins at the
    /// sample before the condition turns true and ends at its last true sample; ends before the
    /// first beginning are dropped and the two lists are paired in order.
    public static func regions(count n: Int, where inside: (Int) -> Bool) -> [(begin: Int, end: Int)] {
        guard n > 1 else { return [] }
        var begins: [Int] = []
        var ends: [Int] = []
        var previous = inside(0)
        for i in 1..<n {
            let now = inside(i)
            if now != previous {
                if now { begins.append(i - 1) } else { ends.append(i - 1) }
                previous = now
            }
        }
        return paired(begins, ends)
    }

    /// ``regions(count:where:)`` for `signal[i] > factor · reference[i]`, in a tight loop.
    public static func regions(where signal: [Double], exceeds factor: Double, times reference: [Double])
        -> [(begin: Int, end: Int)]
    {
        let n = min(signal.count, reference.count)
        guard n > 1 else { return [] }
        var begins: [Int] = []
        var ends: [Int] = []
        signal.withUnsafeBufferPointer { s in
            reference.withUnsafeBufferPointer { r in
                var previous = s[0] > factor * r[0]
                for i in 1..<n {
                    let now = s[i] > factor * r[i]
                    if now != previous {
                        if now { begins.append(i - 1) } else { ends.append(i - 1) }
                        previous = now
                    }
                }
            }
        }
        return paired(begins, ends)
    }

    private static func paired(_ begins: [Int], _ ends: [Int]) -> [(begin: Int, end: Int)] {
        guard let first = begins.first else { return [] }
        let ends = ends.filter { $0 > first }
        return (0..<min(begins.count, ends.count)).map { (begins[$0], ends[$0]) }
    }

    /// In each region at least `minimumLength` samples long, the local maximum of `signal` with
    /// the greatest prominence (the first of equals), kept when it lies more than `minimumDelay`
    /// samples after the previous kept peak (and after sample 0).
    public static func mostProminentPeaks(
        _ signal: [Double], in regions: [(begin: Int, end: Int)], minimumLength: Double, minimumDelay: Int
    ) -> [Int] {
        var peaks: [Int] = []
        var last = 0
        for region in regions where Double(region.end - region.begin) >= minimumLength {
            let window = signal[region.begin..<region.end]
            let maxima = localMaxima(window)
            guard !maxima.isEmpty else { continue }
            let prominence = prominences(window, peaks: maxima)
            var best = 0
            for k in prominence.indices where prominence[k] > prominence[best] { best = k }
            let peak = maxima[best]
            if peak - last > minimumDelay {
                peaks.append(peak)
                last = peak
            }
        }
        return peaks
    }
}
