import Foundation

/// YAMNet (Google, Apache-2.0): the 521-class AudioSet event classifier, its int8 network converted
/// to Unknot's network file, shipped in this module's resources with its licence and NOTICE.
///
/// Guarantees: ``network()`` and ``classNames()`` read the shipped files (or those in the folder
/// `UNKNOT_YAMNET` names) and throw a ``QuantizedNetworkError`` saying where they looked when
/// they are missing; the class names are in output order.
public enum YAMNet {
    public static let classCount = 521

    /// The folder holding `yamnet.network` and `yamnet_class_map.csv`.
    public static func folder() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["UNKNOT_YAMNET"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        guard let url = Bundle.module.url(forResource: "yamnet", withExtension: nil) else {
            throw QuantizedNetworkError(
                "YAMNet's files are not beside this program (\(Bundle.module.bundlePath)); "
                    + "set UNKNOT_YAMNET to the folder holding yamnet.network and yamnet_class_map.csv")
        }
        return url
    }

    /// The network: a 96 × 64 log-mel patch in, 521 scores out.
    public static func network() throws -> QuantizedNetwork {
        let url = try folder().appendingPathComponent("yamnet.network")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw QuantizedNetworkError("\(url.path) is missing; set UNKNOT_YAMNET to the folder that holds it")
        }
        let network = try QuantizedNetwork(contentsOf: url)
        guard network.input == TensorShape(height: 96, width: 64, channels: 1), network.outputCount == classCount else {
            throw QuantizedNetworkError(
                "\(url.path) takes \(network.input) and gives \(network.outputCount) scores; YAMNet takes 96×64×1 and gives 521"
            )
        }
        return network
    }

    /// The display names of the 521 classes, from `yamnet_class_map.csv`.
    public static func classNames() throws -> [String] {
        let url = try folder().appendingPathComponent("yamnet_class_map.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let names = text.split(whereSeparator: \.isNewline).dropFirst().map { line -> String in
            let fields = line.split(separator: ",", maxSplits: 2)
            let name = fields.count == 3 ? String(fields[2]) : ""
            return name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2
                ? String(name.dropFirst().dropLast()) : name
        }
        guard names.count == classCount else {
            throw QuantizedNetworkError("\(url.path) names \(names.count) classes; YAMNet has \(classCount)")
        }
        return names
    }
}
