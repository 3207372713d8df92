import Foundation
import UnknotSimulation

/// Reads a scenario file (`-` or a pipe too): YAML by its `.yaml`/`.yml` name or its shape,
/// JSON otherwise.
enum ScenarioFile {
    static func load(_ path: String) throws -> Scenario {
        let data = try InputFile.read(path, what: "the scenario")
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let yaml: Bool? = path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? true : nil
        do {
            return try Scenario.read(
                text: String(decoding: data, as: UTF8.self), name: ["-", "stdin"].contains(name) ? "scenario" : name,
                yaml: yaml)
        } catch {
            throw CommandError("\(path): \(error)")
        }
    }
}
