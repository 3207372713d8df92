import Foundation

/// A logistic regression on YAMNet's 1,024-value embedding for one kind of sound: the embedding
/// standardised, weighed, and passed through the logistic function.
///
/// Guarantees: ``probability(_:)`` allocates nothing and gives a value in [0, 1]; training is
/// deterministic (full-batch Adam from zero weights, positives and negatives weighed equally).
public struct EmbeddingClassifier: Codable, Sendable, Equatable {
    public var kind: SoundKind
    public var mean: [Float]
    public var scale: [Float]
    public var weights: [Float]
    public var bias: Float

    public func probability(_ embedding: UnsafeBufferPointer<Float>) -> Float {
        var z = bias
        for i in 0..<min(embedding.count, weights.count) {
            z += weights[i] * (embedding[i] - mean[i]) * scale[i]
        }
        return 1 / (1 + exp(-z))
    }

    /// Fits `examples` (embeddings) to `labels`.
    /// - Parameters:
    ///   - penalty: the L2 penalty on the weights.
    public static func train(
        kind: SoundKind, examples: [[Float]], labels: [Bool], epochs: Int = 150, penalty: Float = 3e-2
    ) -> EmbeddingClassifier {
        let n = examples.count
        let d = examples.first?.count ?? 0
        var mean = [Float](repeating: 0, count: d)
        var scale = [Float](repeating: 1, count: d)
        for x in examples { for i in 0..<d { mean[i] += x[i] / Float(max(n, 1)) } }
        var variance = [Float](repeating: 0, count: d)
        for x in examples { for i in 0..<d { variance[i] += (x[i] - mean[i]) * (x[i] - mean[i]) / Float(max(n, 1)) } }
        for i in 0..<d { scale[i] = variance[i] > 1e-12 ? 1 / variance[i].squareRoot() : 0 }
        let standardised = examples.map { x in (0..<d).map { (x[$0] - mean[$0]) * scale[$0] } }
        let positives = labels.filter { $0 }.count
        let negatives = n - positives
        let weightOf: (Bool) -> Float = { label in
            Float(n) / (2 * Float(max(label ? positives : negatives, 1)))
        }
        var w = [Float](repeating: 0, count: d)
        var b: Float = 0
        var (mw, vw) = ([Float](repeating: 0, count: d), [Float](repeating: 0, count: d))
        var (mb, vb): (Float, Float) = (0, 0)
        let (rate, beta1, beta2): (Float, Float, Float) = (0.01, 0.9, 0.999)
        var gradient = [Float](repeating: 0, count: d)
        for epoch in 1...max(epochs, 1) {
            for i in 0..<d { gradient[i] = penalty * w[i] }
            var gradientBias: Float = 0
            for (x, label) in zip(standardised, labels) {
                var z = b
                for i in 0..<d { z += w[i] * x[i] }
                let error = (1 / (1 + exp(-z)) - (label ? 1 : 0)) * weightOf(label) / Float(n)
                gradientBias += error
                for i in 0..<d { gradient[i] += error * x[i] }
            }
            let correction1 = 1 - pow(beta1, Float(epoch))
            let correction2 = 1 - pow(beta2, Float(epoch))
            for i in 0..<d {
                mw[i] = beta1 * mw[i] + (1 - beta1) * gradient[i]
                vw[i] = beta2 * vw[i] + (1 - beta2) * gradient[i] * gradient[i]
                w[i] -= rate * (mw[i] / correction1) / ((vw[i] / correction2).squareRoot() + 1e-8)
            }
            mb = beta1 * mb + (1 - beta1) * gradientBias
            vb = beta2 * vb + (1 - beta2) * gradientBias * gradientBias
            b -= rate * (mb / correction1) / ((vb / correction2).squareRoot() + 1e-8)
        }
        return EmbeddingClassifier(kind: kind, mean: mean, scale: scale, weights: w, bias: b)
    }
}
