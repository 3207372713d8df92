/// How well a score separates positives from negatives: the area under the ROC curve and the
/// recall at a chosen false-positive rate.
public enum Separability {
    /// The probability that a random positive scores above a random negative (ties count half).
    public static func auc(positives: [Float], negatives: [Float]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return .nan }
        let sorted = negatives.sorted()
        var total = 0.0
        for p in positives {
            let below = lowerBound(sorted, p)
            let upTo = upperBound(sorted, p)
            total += Double(below) + 0.5 * Double(upTo - below)
        }
        return total / (Double(positives.count) * Double(negatives.count))
    }

    /// The share of positives above the threshold that lets through at most `rate` of negatives.
    public static func recall(positives: [Float], negatives: [Float], atFalsePositiveRate rate: Double) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return .nan }
        let threshold = self.threshold(negatives: negatives, falsePositiveRate: rate)
        return Double(positives.filter { $0 > threshold }.count) / Double(positives.count)
    }

    /// The lowest score with at most `rate` of negatives strictly above it.
    public static func threshold(negatives: [Float], falsePositiveRate rate: Double) -> Float {
        let sorted = negatives.sorted(by: >)
        let allowed = Int((rate * Double(sorted.count)).rounded(.down))
        return allowed < sorted.count ? sorted[allowed] : -.infinity
    }

    private static func lowerBound(_ values: [Float], _ x: Float) -> Int {
        var (low, high) = (0, values.count)
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func upperBound(_ values: [Float], _ x: Float) -> Int {
        var (low, high) = (0, values.count)
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
