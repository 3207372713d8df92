/// The int8 mean over height and width of each channel (TFLite's `MEAN` over axes 1 and 2,
/// keeping dimensions), as LiteRT's reference kernel computes it: the sum of the zero-point-free
/// inputs times one fixed-point multiplier that folds the input-to-output scale and the division
/// by the element count (the count's largest power of two moved into the shift).
struct QuantizedMean: QuantizedLayer {
    let inputShape: TensorShape
    let outputShape: TensorShape
    let output: Quantization
    let scale: FixedPointScale
    let inputZeroPoint: Int32

    init(input: TensorShape, inputQuantization: Quantization, output: Quantization) {
        inputShape = input
        outputShape = TensorShape(height: 1, width: 1, channels: input.channels)
        self.output = output
        let base = FixedPointScale(Double(inputQuantization.scale) / Double(output.scale))
        let count = Int64(max(input.height * input.width, 1))
        let shift = min(63 - UInt64(count).leadingZeroBitCount, 32, 31 + Int(base.shift))
        scale = FixedPointScale(
            multiplier: Int32(clamping: (Int64(1) << shift) * Int64(base.multiplier) / count),
            shift: base.shift - Int32(shift))
        inputZeroPoint = inputQuantization.zeroPoint
    }

    func run(_ input: UnsafeBufferPointer<Int8>, into out: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers) {
        let channels = inputShape.channels
        let count = inputShape.height * inputShape.width
        for c in 0..<channels {
            var acc: Int32 = 0
            for pixel in 0..<count {
                acc &+= Int32(input[pixel * channels + c]) &- inputZeroPoint
            }
            out[c] = requantize(acc, scale, output.zeroPoint, -128...127)
        }
    }
}
