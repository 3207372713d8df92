/// An int8 fully connected layer (TFLite's `FULLY_CONNECTED`) over a flattened input, with a
/// weight scale per output (the same for all when the model has one) and a fused activation.
///
/// Guarantees: the input less its zero point is widened to 16 bits once; each output is one dot
/// product, rescaled with one rounding as LiteRT's kernel does (the convolutions round twice).
struct QuantizedFullyConnected: QuantizedLayer {
    let inputShape: TensorShape
    let outputShape: TensorShape
    let output: Quantization
    /// [output][input], widened.
    let weights: [Int16]
    let bias: [Int32]
    let scales: [FixedPointScale]
    let inputZeroPoint: Int32
    let range: ClosedRange<Int32>

    init(
        input: TensorShape, inputQuantization: Quantization, outputs: Int, weights: [Int8], weightScales: [Float],
        bias: [Int32], output: Quantization, activation: FusedActivation
    ) {
        inputShape = input
        outputShape = TensorShape(height: 1, width: 1, channels: outputs)
        self.output = output
        self.weights = weights.map(Int16.init)
        self.bias = bias
        inputZeroPoint = inputQuantization.zeroPoint
        // As TFLite's GetQuantizedConvolutionMultipler: the input and weight scales multiply in float.
        scales = weightScales.map { FixedPointScale(Double(inputQuantization.scale * $0) / Double(output.scale)) }
        range = output.range(after: activation)
    }

    var scratch: LayerScratch { LayerScratch(int16: inputShape.count) }

    func run(_ input: UnsafeBufferPointer<Int8>, into out: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers) {
        let inputs = inputShape.count
        guard let row = scratch.int16.baseAddress else { return }
        let zero = Int16(inputZeroPoint)
        for i in 0..<inputs { row[i] = Int16(input[i]) &- zero }
        weights.withUnsafeBufferPointer { w in
            guard let w0 = w.baseAddress else { return }
            for o in 0..<outputShape.channels {
                let value =
                    scales[o].applyRoundingOnce(bias[o] &+ dot(row, w0 + o * inputs, inputs)) &+ output.zeroPoint
                out[o] = Int8(truncatingIfNeeded: min(max(value, range.lowerBound), range.upperBound))
            }
        }
    }
}
