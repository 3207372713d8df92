/// Runs a ``QuantizedNetwork`` on one input at a time, into buffers it owns.
///
/// Guarantees: ``scores(for:into:)`` allocates nothing (two int8 activations of the largest
/// layer, the layers' scratch and the embedding are allocated once); after each input,
/// ``embedding`` holds the pooled layer's output made real (YAMNet's 1,024 values); not
/// thread-safe — one per thread or task.
public final class NetworkInference {
    public let network: QuantizedNetwork
    private let first: UnsafeMutableBufferPointer<Int8>
    private let second: UnsafeMutableBufferPointer<Int8>
    private let scratch: LayerBuffers
    private let pooled: UnsafeMutableBufferPointer<Float>
    /// The last mean layer (YAMNet's embedding), if the network has one.
    private let pooledLayer: Int?

    public init(_ network: QuantizedNetwork) {
        self.network = network
        pooledLayer = network.layers.lastIndex { $0 is QuantizedMean }
        pooled = .allocate(capacity: max(pooledLayer.map { network.layers[$0].outputShape.count } ?? 0, 1))
        pooled.initialize(repeating: 0)
        first = .allocate(capacity: network.largestActivation)
        second = .allocate(capacity: network.largestActivation)
        let sizes = network.largestScratch
        scratch = LayerBuffers(
            int16: .allocate(capacity: max(sizes.int16, 1)), int32: .allocate(capacity: max(sizes.int32, 1)))
        first.initialize(repeating: 0)
        second.initialize(repeating: 0)
        scratch.int16.initialize(repeating: 0)
        scratch.int32.initialize(repeating: 0)
    }

    deinit {
        first.deallocate()
        second.deallocate()
        scratch.int16.deallocate()
        scratch.int32.deallocate()
        pooled.deallocate()
    }

    /// The embedding of the last input: the mean layer's output, made real (empty without one).
    public var embedding: UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(rebasing: pooled[0..<(pooledLayer == nil ? 0 : pooled.count)])
    }

    /// Scores for one input (for YAMNet a 96 × 64 log-mel patch, frames then bands).
    /// - Parameters:
    ///   - input: `network.input.count` values.
    ///   - scores: room for `network.outputCount` values.
    ///   - observe: called with each layer's index and its int8 output (for checks against a reference).
    public func scores(
        for input: UnsafeBufferPointer<Float>, into scores: UnsafeMutableBufferPointer<Float>,
        observe: ((Int, UnsafeBufferPointer<Int8>) -> Void)? = nil
    ) {
        precondition(input.count >= network.input.count && scores.count >= network.outputCount)
        let quantization = network.inputQuantization
        for i in 0..<network.input.count {
            first[i] = quantization.quantize(input[i])
        }
        var source = first
        var target = second
        for (index, layer) in network.layers.enumerated() {
            layer.run(UnsafeBufferPointer(source), into: target, scratch: scratch)
            observe?(index, UnsafeBufferPointer(rebasing: target[0..<layer.outputShape.count]))
            if index == pooledLayer {
                for i in 0..<pooled.count { pooled[i] = layer.output.real(target[i]) }
            }
            swap(&source, &target)
        }
        let output = network.outputQuantization
        for i in 0..<network.outputCount {
            scores[i] = output.real(source[i])
        }
    }

    /// Scores for one input, in a new array (for tools and tests; allocates).
    public func scores(for input: [Float]) -> [Float] {
        var result = [Float](repeating: 0, count: network.outputCount)
        input.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { self.scores(for: x, into: $0) }
        }
        return result
    }
}
