/// The JSON manifest of a network file, format 1 (see docs/hearing.md).
struct NetworkManifest: Decodable {
    struct Source: Decodable {
        var file: String?
        var sha256: String?
        var origin: String?
    }

    struct Scale: Decodable {
        var scale: Float
        var zeroPoint: Int32

        func quantization(what: String) throws -> Quantization {
            guard scale.isFinite, scale > 0, (-128...127).contains(zeroPoint) else {
                throw QuantizedNetworkError("\(what): a scale must be positive and a zero point within -128…127")
            }
            return Quantization(scale: scale, zeroPoint: zeroPoint)
        }
    }

    struct Input: Decodable {
        var height: Int
        var width: Int
        var channels: Int
        var scale: Float
        var zeroPoint: Int32

        func quantization(what: String) throws -> Quantization {
            try Scale(scale: scale, zeroPoint: zeroPoint).quantization(what: what)
        }
    }

    struct Output: Decodable {
        var count: Int
    }

    var format: Int
    var source: Source?
    var input: Input
    var layers: [NetworkLayerSpec]
    var output: Output?
}

/// One layer as the manifest gives it.
struct NetworkLayerSpec: Decodable {
    var kind: String
    var kernel: Int?
    var stride: Int?
    var inputChannels: Int?
    var outputChannels: Int?
    var activation: FusedActivation?
    var weights: [Int]?
    var weightScales: [Int]?
    var bias: [Int]?
    var output: NetworkManifest.Scale

    func build(index: Int, input: TensorShape, quantization: Quantization, blob: NetworkBlob) throws
        -> any QuantizedLayer
    {
        let out = try output.quantization(what: "layer \(index) (\(kind)) output")
        let activation = activation ?? .none
        switch kind {
        case "convolution", "depthwise":
            let kernel = kernel ?? 0
            let stride = stride ?? 0
            guard (1...7).contains(kernel), (1...4).contains(stride) else {
                throw QuantizedNetworkError.layer(index, kind, "the kernel must be 1…7 and the stride 1…4")
            }
            guard inputChannels == input.channels else {
                throw QuantizedNetworkError.layer(
                    index, kind, "takes \(inputChannels ?? 0) channels but the layer before gives \(input.channels)")
            }
            let outputs = kind == "depthwise" ? input.channels : (outputChannels ?? 0)
            guard outputs > 0, outputs <= 1 << 14, outputChannels == outputs else {
                throw QuantizedNetworkError.layer(
                    index, kind, "the output channels must be 1…16384 (a depthwise layer keeps its input's)")
            }
            let perOutput = kind == "depthwise" ? kernel * kernel : kernel * kernel * input.channels
            let what = "layer \(index) (\(kind))"
            let weights = try blob.array(
                self.weights, count: perOutput * outputs, of: Int8.self, what: "\(what) weights")
            let scales = try blob.floats(weightScales, count: outputs, what: "\(what) weight scales")
            let bias = try blob.array(self.bias, count: outputs, of: Int32.self, what: "\(what) bias")
            if kind == "depthwise" {
                return QuantizedDepthwiseConvolution(
                    input: input, inputQuantization: quantization, kernel: kernel, stride: stride, weights: weights,
                    weightScales: scales, bias: bias, output: out, activation: activation)
            }
            return QuantizedConvolution(
                input: input, inputQuantization: quantization, kernel: kernel, stride: stride,
                outputChannels: outputs, weights: weights, weightScales: scales, bias: bias, output: out,
                activation: activation)
        case "mean":
            return QuantizedMean(input: input, inputQuantization: quantization, output: out)
        case "fullyConnected":
            guard inputChannels == input.count, let outputs = outputChannels, outputs > 0, outputs <= 1 << 14 else {
                throw QuantizedNetworkError.layer(
                    index, kind, "takes \(inputChannels ?? 0) values but the layer before gives \(input.count)")
            }
            let what = "layer \(index) (\(kind))"
            let weights = try blob.array(
                self.weights, count: outputs * input.count, of: Int8.self, what: "\(what) weights")
            let scales = try blob.floats(weightScales, count: outputs, what: "\(what) weight scales")
            let bias = try blob.array(self.bias, count: outputs, of: Int32.self, what: "\(what) bias")
            return QuantizedFullyConnected(
                input: input, inputQuantization: quantization, outputs: outputs, weights: weights,
                weightScales: scales, bias: bias, output: out, activation: activation)
        case "logistic":
            return QuantizedLogistic(input: input, inputQuantization: quantization, output: out)
        default:
            throw QuantizedNetworkError.layer(
                index, kind, "not a kind this version runs (convolution, depthwise, mean, fullyConnected, logistic)")
        }
    }
}
