import Foundation

/// The int8 logistic function (TFLite's `LOGISTIC`) as a 256-entry table: each input value
/// made real, passed through 1 / (1 + e⁻ˣ), and quantized to the output's scale.
struct QuantizedLogistic: QuantizedLayer {
    let inputShape: TensorShape
    let outputShape: TensorShape
    let output: Quantization
    let table: [Int8]

    init(input: TensorShape, inputQuantization: Quantization, output: Quantization) {
        inputShape = input
        outputShape = input
        self.output = output
        table = (-128...127).map { q in
            let x = inputQuantization.real(Int8(q))
            return output.quantize(1 / (1 + exp(-x)))
        }
    }

    func run(_ input: UnsafeBufferPointer<Int8>, into out: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers) {
        for i in 0..<inputShape.count {
            out[i] = table[Int(input[i]) + 128]
        }
    }
}
