import Foundation

extension QuantizedNetwork {
    /// Reads a network file written by `tools/hearing/convert_network.py` (format 1).
    /// - Throws: ``QuantizedNetworkError`` naming what is wrong: the header, the manifest, a layer
    ///   whose shapes do not chain, an array outside the file or of the wrong length.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url, options: .mappedIfSafe))
    }

    public init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, Array(bytes[0..<8]) == Array("UNKNOTNN".utf8) else {
            throw QuantizedNetworkError.notANetwork
        }
        let length = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        guard length > 0, 12 + length <= bytes.count else {
            throw QuantizedNetworkError("the manifest's length (\(length) bytes) runs past the end of the file")
        }
        let manifest: NetworkManifest
        do {
            manifest = try JSONDecoder().decode(NetworkManifest.self, from: Data(bytes[12..<(12 + length)]))
        } catch {
            throw QuantizedNetworkError("the manifest is not what format 1 describes: \(error)")
        }
        guard manifest.format == 1 else {
            throw QuantizedNetworkError("format \(manifest.format) is not known to this version (it reads format 1)")
        }
        let blobStart = (12 + length + 15) / 16 * 16
        let blob = NetworkBlob(bytes: bytes, start: min(blobStart, bytes.count))
        try self.init(manifest: manifest, blob: blob)
    }

    private init(manifest: NetworkManifest, blob: NetworkBlob) throws {
        let spec = manifest.input
        guard spec.height > 0, spec.width > 0, spec.channels > 0, spec.height * spec.width * spec.channels <= 1 << 24
        else { throw QuantizedNetworkError("the input's shape must be positive and under 16 M values") }
        let input = TensorShape(height: spec.height, width: spec.width, channels: spec.channels)
        let quantization = try spec.quantization(what: "the input")
        var shape = input
        var previous = quantization
        var layers: [any QuantizedLayer] = []
        for (index, layer) in manifest.layers.enumerated() {
            let built = try layer.build(index: index, input: shape, quantization: previous, blob: blob)
            layers.append(built)
            shape = built.outputShape
            previous = built.output
        }
        guard !layers.isEmpty else { throw QuantizedNetworkError("the network has no layers") }
        if let count = manifest.output?.count, count != shape.count {
            throw QuantizedNetworkError(
                "the output should hold \(count) values but the last layer gives \(shape.count)")
        }
        let origin = manifest.source.map { "\($0.file ?? "?") (\($0.origin ?? "origin not given"))" }
        self.init(input: input, inputQuantization: quantization, layers: layers, source: origin ?? "not given")
    }
}

/// The arrays after the manifest; every read is checked against the file's end.
struct NetworkBlob {
    let bytes: [UInt8]
    let start: Int

    func array<T: FixedWidthInteger>(_ range: [Int]?, count: Int, of: T.Type, what: String) throws -> [T] {
        guard let range, range.count == 2 else {
            throw QuantizedNetworkError("\(what): an [offset, count] pair is missing")
        }
        let (offset, found) = (range[0], range[1])
        guard found == count else {
            throw QuantizedNetworkError("\(what): \(found) values where the shapes need \(count)")
        }
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset <= bytes.count, count <= (bytes.count - start - offset) / size else {
            throw QuantizedNetworkError("\(what): the array runs past the end of the file")
        }
        return (0..<count).map { i in
            let base = start + offset + i * size
            var value: T = 0
            for k in 0..<size { value |= T(truncatingIfNeeded: bytes[base + k]) << (8 * k) }
            return value
        }
    }

    func floats(_ range: [Int]?, count: Int, what: String) throws -> [Float] {
        let values = try array(range, count: count, of: UInt32.self, what: what).map(Float.init(bitPattern:))
        guard values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw QuantizedNetworkError("\(what): scales must be positive")
        }
        return values
    }
}
