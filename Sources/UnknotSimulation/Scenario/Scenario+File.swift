import Foundation
import UnknotCore
import Yams

extension Scenario {
    /// Reads a scenario file's text: JSON, or YAML (when `yaml`, or when the text does not start
    /// with `{`), into one tree, then ``read(_:name:)`` names every problem at once.
    public static func read(text: String, name: String, yaml: Bool? = nil) throws(ScenarioError) -> Scenario {
        let asYAML = yaml ?? !text.drop(while: \.isWhitespace).hasPrefix("{")
        let tree: JSONValue
        do {
            tree =
                asYAML
                ? try YAMLDecoder().decode(JSONValue.self, from: text)
                : try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            var reason = "\(error)"
            if case DecodingError.dataCorrupted(let context) = error {
                reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            }
            throw ScenarioError(problems: [
                FieldProblem(
                    field: "(file)",
                    message:
                        "is not valid \(asYAML ? "YAML" : "JSON") (\(reason)); check the indentation, quotes and brackets"
                )
            ])
        }
        return try read(tree, name: name)
    }
}
