/// An int8 convolution with SAME padding, per-output-channel weight scales and a fused
/// activation, as TFLite's `CONV_2D` (reference kernel semantics, bit for bit).
///
/// Guarantees: for each output pixel the input values under the kernel are gathered once, less the
/// input's zero point (taps in the padding count as zero), into 16-bit scratch; four pixels at a
/// time, each output channel's weights (widened to 16 bits at load) are read once for all four
/// dot products, which the compiler's vectorizer turns into multiply-add vector instructions on
/// any x86-64 or ARM64 without special flags.
struct QuantizedConvolution: QuantizedLayer {
    let inputShape: TensorShape
    let outputShape: TensorShape
    let output: Quantization
    let kernel: Int
    let stride: Int
    /// [output channel][kernel row][kernel column][input channel], widened.
    let weights: [Int16]
    let bias: [Int32]
    let scales: [FixedPointScale]
    let inputZeroPoint: Int32
    let range: ClosedRange<Int32>

    init(
        input: TensorShape, inputQuantization: Quantization, kernel: Int, stride: Int, outputChannels: Int,
        weights: [Int8], weightScales: [Float], bias: [Int32], output: Quantization, activation: FusedActivation
    ) {
        inputShape = input
        outputShape = TensorShape(
            height: (input.height + stride - 1) / stride, width: (input.width + stride - 1) / stride,
            channels: outputChannels)
        self.output = output
        self.kernel = kernel
        self.stride = stride
        self.weights = weights.map(Int16.init)
        self.bias = bias
        inputZeroPoint = inputQuantization.zeroPoint
        scales = weightScales.map {
            FixedPointScale(Double(inputQuantization.scale) * Double($0) / Double(output.scale))
        }
        range = output.range(after: activation)
    }

    /// The values under the kernel at one output pixel.
    var depth: Int { kernel * kernel * inputShape.channels }
    /// Output pixels computed together: each weight row is read once for all of them.
    static let block = 4
    var scratch: LayerScratch { LayerScratch(int16: depth * Self.block) }

    func run(_ input: UnsafeBufferPointer<Int8>, into out: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers) {
        weights.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                scales.withUnsafeBufferPointer { s in
                    guard let x0 = input.baseAddress, let w0 = w.baseAddress, let y0 = out.baseAddress,
                        let rows = scratch.int16.baseAddress, let b0 = b.baseAddress, let s0 = s.baseAddress
                    else { return }
                    convolve(x0, w0, b0, s0, rows, y0)
                }
            }
        }
    }

    private func convolve(
        _ x0: UnsafePointer<Int8>, _ w0: UnsafePointer<Int16>, _ b: UnsafePointer<Int32>,
        _ s: UnsafePointer<FixedPointScale>, _ rows: UnsafeMutablePointer<Int16>, _ y0: UnsafeMutablePointer<Int8>
    ) {
        let outputs = outputShape.channels
        let depth = depth
        let pixels = outputShape.height * outputShape.width
        let zero = output.zeroPoint
        let range = range
        var pixel = 0
        while pixel < pixels {
            let count = min(Self.block, pixels - pixel)
            for k in 0..<count {
                gather(x0, rows + k * depth, (pixel + k) / outputShape.width, (pixel + k) % outputShape.width)
            }
            let y = y0 + pixel * outputs
            if count == Self.block {
                for o in 0..<outputs {
                    let sums = dot4(rows, depth, w0 + o * depth)
                    let (bias, scale) = (b[o], s[o])
                    y[o] = requantize(bias &+ sums.0, scale, zero, range)
                    y[outputs + o] = requantize(bias &+ sums.1, scale, zero, range)
                    y[2 * outputs + o] = requantize(bias &+ sums.2, scale, zero, range)
                    y[3 * outputs + o] = requantize(bias &+ sums.3, scale, zero, range)
                }
            } else {
                for k in 0..<count {
                    for o in 0..<outputs {
                        let sum = dot(rows + k * depth, w0 + o * depth, depth)
                        y[k * outputs + o] = requantize(b[o] &+ sum, s[o], zero, range)
                    }
                }
            }
            pixel += count
        }
    }

    /// Fills `row` with the input under the kernel at (oy, ox), less the zero point; zero in the padding.
    @inline(__always)
    private func gather(_ x0: UnsafePointer<Int8>, _ row: UnsafeMutablePointer<Int16>, _ oy: Int, _ ox: Int) {
        let (inH, inW, inC) = (inputShape.height, inputShape.width, inputShape.channels)
        let zero = Int16(inputZeroPoint)
        if kernel == 1 && stride == 1 {
            let x = x0 + (oy * inW + ox) * inC
            for c in 0..<inC { row[c] = Int16(x[c]) &- zero }
            return
        }
        let top = samePaddingBefore(size: inH, kernel: kernel, stride: stride)
        let left = samePaddingBefore(size: inW, kernel: kernel, stride: stride)
        var r = row
        for ky in 0..<kernel {
            let iy = oy * stride - top + ky
            for kx in 0..<kernel {
                let ix = ox * stride - left + kx
                if iy >= 0, iy < inH, ix >= 0, ix < inW {
                    let x = x0 + (iy * inW + ix) * inC
                    for c in 0..<inC { r[c] = Int16(x[c]) &- zero }
                } else {
                    r.update(repeating: 0, count: inC)
                }
                r += inC
            }
        }
    }
}

/// Four rows of `count` values (one after another from `x`), each dotted with the same weights.
@inline(__always)
func dot4(_ x: UnsafePointer<Int16>, _ count: Int, _ w: UnsafePointer<Int16>) -> (Int32, Int32, Int32, Int32) {
    var a0: Int32 = 0
    var a1: Int32 = 0
    var a2: Int32 = 0
    var a3: Int32 = 0
    let x1 = x + count
    let x2 = x1 + count
    let x3 = x2 + count
    for i in 0..<count {
        let c = Int32(w[i])
        a0 &+= Int32(x[i]) &* c
        a1 &+= Int32(x1[i]) &* c
        a2 &+= Int32(x2[i]) &* c
        a3 &+= Int32(x3[i]) &* c
    }
    return (a0, a1, a2, a3)
}

/// Σ x[i] × w[i] in int32 over 16-bit values (the form compilers turn into multiply-add vector instructions).
@inline(__always)
func dot(_ x: UnsafePointer<Int16>, _ w: UnsafePointer<Int16>, _ count: Int) -> Int32 {
    var acc: Int32 = 0
    for i in 0..<count {
        acc &+= Int32(x[i]) &* Int32(w[i])
    }
    return acc
}
