/// The height, width and channels of an activation, stored height-major then width, channels innermost.
public struct TensorShape: Sendable, Equatable, CustomStringConvertible {
    public var height: Int
    public var width: Int
    public var channels: Int

    public init(height: Int, width: Int, channels: Int) {
        self.height = height
        self.width = width
        self.channels = channels
    }

    public var count: Int { height * width * channels }
    public var description: String { "\(height)×\(width)×\(channels)" }
}

/// How real values map to int8: real = scale × (q − zeroPoint).
public struct Quantization: Sendable, Equatable {
    public var scale: Float
    public var zeroPoint: Int32

    public init(scale: Float, zeroPoint: Int32) {
        self.scale = scale
        self.zeroPoint = zeroPoint
    }

    /// `x` quantized as TFLite's reference kernels do: rounded half away from zero, then clamped.
    @inline(__always)
    public func quantize(_ x: Float) -> Int8 {
        let q = (x / scale).rounded()
        let shifted = (q.isFinite ? max(min(q, 1e6), -1e6) : 0) + Float(zeroPoint)
        return Int8(max(min(shifted, 127), -128))
    }

    @inline(__always)
    public func real(_ q: Int8) -> Float { scale * Float(Int32(q) - zeroPoint) }

    /// The int8 range a fused activation leaves (TFLite's `CalculateActivationRangeQuantized`).
    func range(after activation: FusedActivation) -> ClosedRange<Int32> {
        let zero = zeroPoint + Int32((0 / scale).rounded())
        switch activation {
        case .none: return -128...127
        case .relu: return max(-128, zero)...127
        case .relu6:
            let six = zeroPoint + Int32((6 / scale).rounded())
            return max(-128, zero)...min(127, six)
        }
    }
}

/// An activation fused into the layer before it.
public enum FusedActivation: String, Sendable, Codable {
    case none, relu, relu6
}

/// The scratch a layer needs while it runs, in values.
struct LayerScratch: Sendable {
    var int16 = 0
    var int32 = 0
}

/// Scratch owned by a ``NetworkInference``, as large as the largest layer needs.
struct LayerBuffers {
    let int16: UnsafeMutableBufferPointer<Int16>
    let int32: UnsafeMutableBufferPointer<Int32>
}

/// One int8 layer: reads an activation of ``inputShape``, writes one of ``outputShape``.
///
/// Guarantees: ``run(_:into:scratch:)`` allocates nothing and writes exactly
/// `outputShape.count` values; it never reads or writes outside the buffers it is given, provided
/// they hold at least `inputShape.count` and `outputShape.count` values and the scratch what
/// ``scratch`` asks.
protocol QuantizedLayer: Sendable {
    var inputShape: TensorShape { get }
    var outputShape: TensorShape { get }
    var output: Quantization { get }
    var scratch: LayerScratch { get }
    func run(_ input: UnsafeBufferPointer<Int8>, into output: UnsafeMutableBufferPointer<Int8>, scratch: LayerBuffers)
}

extension QuantizedLayer {
    var scratch: LayerScratch { LayerScratch() }
}

/// TFLite's SAME padding: the rows (or columns) before the first, for a kernel, stride and size.
@inline(__always)
func samePaddingBefore(size: Int, kernel: Int, stride: Int) -> Int {
    let out = (size + stride - 1) / stride
    return max((out - 1) * stride + kernel - size, 0) / 2
}

@inline(__always)
func requantize(_ accumulator: Int32, _ scale: FixedPointScale, _ zeroPoint: Int32, _ range: ClosedRange<Int32>) -> Int8
{
    let value = scale.apply(accumulator) &+ zeroPoint
    return Int8(truncatingIfNeeded: min(max(value, range.lowerBound), range.upperBound))
}
