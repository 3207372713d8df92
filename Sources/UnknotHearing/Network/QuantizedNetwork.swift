import Foundation

/// A feed-forward int8 network read from Unknot's network file (see docs/hearing.md): a float
/// input quantized once, int8 layers in order, float scores out. YAMNet is one.
///
/// Guarantees: immutable and `Sendable`; every layer's shapes chain (checked when read, so a
/// damaged or hostile file is refused with the reason rather than read out of bounds); run it
/// with a ``NetworkInference``, which allocates nothing per input.
public struct QuantizedNetwork: Sendable {
    /// The input patch: for YAMNet 96 frames × 64 mel bands × 1.
    public let input: TensorShape
    public let inputQuantization: Quantization
    public let outputQuantization: Quantization
    /// Where the weights came from, as the file says.
    public let source: String
    let layers: [any QuantizedLayer]

    /// Scores out, one per class.
    public var outputCount: Int { layers.last?.outputShape.count ?? input.count }

    init(
        input: TensorShape, inputQuantization: Quantization, layers: [any QuantizedLayer],
        source: String
    ) {
        self.input = input
        self.inputQuantization = inputQuantization
        self.layers = layers
        outputQuantization = layers.last?.output ?? inputQuantization
        self.source = source
    }

    /// The largest activation any layer reads or writes, in values.
    var largestActivation: Int {
        layers.reduce(input.count) { max($0, $1.inputShape.count, $1.outputShape.count) }
    }

    var largestScratch: LayerScratch {
        layers.reduce(LayerScratch()) {
            LayerScratch(int16: max($0.int16, $1.scratch.int16), int32: max($0.int32, $1.scratch.int32))
        }
    }
}
