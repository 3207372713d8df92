/// Why a network file could not be read, in words that say what to do.
public struct QuantizedNetworkError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static let notANetwork = QuantizedNetworkError(
        "not an Unknot network file (it should begin with UNKNOTNN; convert a model with tools/hearing/convert_network.py)"
    )

    static func layer(_ index: Int, _ kind: String, _ problem: String) -> QuantizedNetworkError {
        QuantizedNetworkError("layer \(index) (\(kind)): \(problem)")
    }
}
