/// The stretches where an ECG's QRS complexes are, found the way neurokit2's detector finds
/// them: the absolute gradient smoothed over `smoothSize` samples ("nearest" edges, as
/// `uniform_filter1d`), its slower average over `averageSize`, and the regions where the smooth
/// curve exceeds 1.5 times the average (``PeakFinding/regions(where:exceeds:times:)``).
///
/// One fused pass per core instead of five whole-signal arrays: the gradient is taken on the
/// fly, the smoothed curve kept only for the core's stretch, and the comparison made as the
/// average slides. Running sums restart every 4,096 samples, so rounding cannot build up.
///
/// Guarantees: the same regions as the step-by-step computation, up to comparisons decided by
/// the last bit of rounding.
enum QRSRegions {
    static func find(_ x: [Double], smoothSize: Int, averageSize: Int, factor: Double = 1.5)
        -> [(begin: Int, end: Int)]
    {
        let n = x.count
        guard n > 2, smoothSize >= 1, averageSize >= 1 else {
            let smooth = PeakFinding.movingMean(PeakFinding.gradientMagnitude(x), size: smoothSize)
            return PeakFinding.regions(
                where: smooth, exceeds: factor, times: PeakFinding.movingMean(smooth, size: averageSize))
        }
        let parts = ChunkedWork.ranges(count: n)
        var pieces = [(starts: [Int], ends: [Int])](repeating: ([], []), count: parts.count)
        pieces.withUnsafeMutableBufferPointer { out in
            let results = ChunkedWork.Unchecked(out)
            x.withUnsafeBufferPointer { x in
                let signal = ChunkedWork.Unchecked(x)
                ChunkedWork.forEach(count: n) { part in
                    let index = parts.firstIndex(of: part) ?? 0
                    results.value[index] = transitions(
                        signal.value, in: part, smoothSize: smoothSize, averageSize: averageSize, factor: factor)
                }
            }
        }
        // Stitch: a transition at a part's first sample is judged against the sample before it.
        var begins: [Int] = []
        var ends: [Int] = []
        for piece in pieces {
            begins += piece.starts
            ends += piece.ends
        }
        guard let first = begins.first else { return [] }
        ends = ends.filter { $0 > first }
        return (0..<min(begins.count, ends.count)).map { (begins[$0], ends[$0]) }
    }

    /// Beginnings and ends of the regions whose transitions fall in `part` (a transition at
    /// sample i compares i - 1 and i; the signal's first sample has none).
    static func transitions(
        _ x: UnsafeBufferPointer<Double>, in part: Range<Int>, smoothSize: Int, averageSize: Int, factor: Double
    ) -> (starts: [Int], ends: [Int]) {
        let n = x.count
        @inline(__always) func gradient(_ i: Int) -> Double {
            let j = min(max(i, 0), n - 1)
            if j == 0 { return abs(x[1] - x[0]) }
            if j == n - 1 { return abs(x[n - 1] - x[n - 2]) }
            return abs((x[j + 1] - x[j - 1]) / 2)
        }
        let smoothBefore = smoothSize / 2
        let averageBefore = averageSize / 2
        // The smoothed curve at every index the averages of this part read, edges repeated:
        // slot k - from holds the curve at index k clamped to the signal.
        let from = part.lowerBound - 1 - averageBefore
        let to = part.upperBound + averageSize - averageBefore
        let smoothScale = 1 / Double(smoothSize)
        let low = max(from, 0)
        let high = min(to, n)
        var smooth = [Double](unsafeUninitializedCapacity: to - from) { buffer, initialized in
            var c = low
            while c < high {
                let blockEnd = min(high, c + 4_096)
                var sum = 0.0
                for m in 0..<smoothSize { sum += gradient(c - smoothBefore + m) }
                buffer[c - from] = sum * smoothScale
                c += 1
                // Inside, the window's gradients need no clamping.
                let interiorEnd = min(blockEnd, n - 1 - smoothSize + smoothBefore)
                while c < blockEnd, c - smoothBefore - 1 < 1 {
                    sum += gradient(c - smoothBefore + smoothSize - 1) - gradient(c - smoothBefore - 1)
                    buffer[c - from] = sum * smoothScale
                    c += 1
                }
                while c < interiorEnd {
                    let entering = c - smoothBefore + smoothSize - 1
                    let leaving = c - smoothBefore - 1
                    sum += abs((x[entering + 1] - x[entering - 1]) / 2) - abs((x[leaving + 1] - x[leaving - 1]) / 2)
                    buffer[c - from] = sum * smoothScale
                    c += 1
                }
                while c < blockEnd {
                    sum += gradient(c - smoothBefore + smoothSize - 1) - gradient(c - smoothBefore - 1)
                    buffer[c - from] = sum * smoothScale
                    c += 1
                }
            }
            if from < low { for k in from..<low { buffer[k - from] = buffer[low - from] } }
            if high < to { for k in high..<to { buffer[k - from] = buffer[high - 1 - from] } }
            initialized = to - from
        }
        var starts: [Int] = []
        var ends: [Int] = []
        let averageScale = 1 / Double(averageSize)
        smooth.withUnsafeMutableBufferPointer { smooth in
            guard let base = smooth.baseAddress else { return }
            // The curve at index k (from <= k < to).
            let s = base - from
            let firstIndex = max(part.lowerBound - 1, 0)
            var previous = false
            var i = firstIndex
            while i < part.upperBound {
                let blockEnd = min(part.upperBound, i + 4_096)
                var sum = 0.0
                for m in 0..<averageSize { sum += s[i - averageBefore + m] }
                while true {
                    let now = s[i] > factor * (sum * averageScale)
                    if now != previous, i > firstIndex {
                        if now { starts.append(i - 1) } else { ends.append(i - 1) }
                    }
                    previous = now
                    i += 1
                    guard i < blockEnd else { break }
                    sum += s[i - averageBefore + averageSize - 1] - s[i - averageBefore - 1]
                }
            }
        }
        return (starts, ends)
    }
}
