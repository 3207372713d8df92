/// An int8 depthwise convolution (one filter per channel, depth multiplier 1) with SAME padding,
/// per-channel scales and a fused activation, as TFLite's `DEPTHWISE_CONV_2D`.
///
/// Guarantees: the reference kernel's arithmetic, bit for bit (taps outside the input are skipped);
/// the inner loop runs over channels, which lie next to each other in memory, multiplying in 16
/// bits (the products fit) and adding in 32.
struct QuantizedDepthwiseConvolution: QuantizedLayer {
    let inputShape: TensorShape
    let outputShape: TensorShape
    let output: Quantization
    let kernel: Int
    let stride: Int
    /// [kernel row][kernel column][channel], widened.
    let weights: [Int16]
    let bias: [Int32]
    let scales: [FixedPointScale]
    let inputOffset: Int32
    let range: ClosedRange<Int32>

    init(
        input: TensorShape, inputQuantization: Quantization, kernel: Int, stride: Int,
        weights: [Int8], weightScales: [Float], bias: [Int32], output: Quantization, activation: FusedActivation
    ) {
        inputShape = input
        outputShape = TensorShape(
            height: (input.height + stride - 1) / stride, width: (input.width + stride - 1) / stride,
            channels: input.channels)
        self.output = output
        self.kernel = kernel
        self.stride = stride
        self.weights = weights.map(Int16.init)
        self.bias = bias
        inputOffset = -inputQuantization.zeroPoint
        scales = weightScales.map {
            FixedPointScale(Double(inputQuantization.scale) * Double($0) / Double(output.scale))
        }
        range = output.range(after: activation)
    }

    var scratch: LayerScratch { LayerScratch(int32: inputShape.channels) }

    func run(_ input: UnsafeBufferPointer<Int8>, into out: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers) {
        weights.withUnsafeBufferPointer { w in
            scales.withUnsafeBufferPointer { s in
                bias.withUnsafeBufferPointer { b in
                    guard let x0 = input.baseAddress, let w0 = w.baseAddress, let acc = scratch.int32.baseAddress,
                        let o0 = out.baseAddress, let b0 = b.baseAddress
                    else { return }
                    convolve(x0, w0, b0, s, acc, o0)
                }
            }
        }
    }

    private func convolve(
        _ x0: UnsafePointer<Int8>, _ w0: UnsafePointer<Int16>, _ b0: UnsafePointer<Int32>,
        _ s: UnsafeBufferPointer<FixedPointScale>, _ acc: UnsafeMutablePointer<Int32>, _ o0: UnsafeMutablePointer<Int8>
    ) {
        let (inH, inW, channels) = (inputShape.height, inputShape.width, inputShape.channels)
        let top = samePaddingBefore(size: inH, kernel: kernel, stride: stride)
        let left = samePaddingBefore(size: inW, kernel: kernel, stride: stride)
        let zero = Int16(-inputOffset)
        var y = o0
        for oy in 0..<outputShape.height {
            for ox in 0..<outputShape.width {
                acc.update(from: b0, count: channels)
                for ky in 0..<kernel {
                    let iy = oy * stride - top + ky
                    guard iy >= 0, iy < inH else { continue }
                    for kx in 0..<kernel {
                        let ix = ox * stride - left + kx
                        guard ix >= 0, ix < inW else { continue }
                        let x = x0 + (iy * inW + ix) * channels
                        let w = w0 + (ky * kernel + kx) * channels
                        for c in 0..<channels {
                            // |x − zero point| ≤ 255 and |w| ≤ 128, so the product fits 16 bits.
                            acc[c] &+= Int32(w[c] &* (Int16(x[c]) &- zero))
                        }
                    }
                }
                for c in 0..<channels {
                    y[c] = requantize(acc[c], s[c], output.zeroPoint, range)
                }
                y += channels
            }
        }
    }
}
