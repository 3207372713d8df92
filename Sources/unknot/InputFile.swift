import Foundation

/// Reads a file named on the command line, including what is not a regular file: `-` and
/// `/dev/stdin` for standard input, pipes and process substitutions (`<(…)`), FIFOs.
///
/// Foundation's `Data(contentsOf:)` refuses these on Linux ("You don't have permission");
/// this reads the open descriptor to its end instead.
enum InputFile {
    static func read(_ path: String, what: String) throws -> Data {
        let handle: FileHandle?
        if path == "-" || path == "/dev/stdin" {
            handle = FileHandle.standardInput
        } else {
            handle = FileHandle(forReadingAtPath: path)
        }
        guard let handle else {
            let reason =
                FileManager.default.fileExists(atPath: path) ? "it cannot be opened for reading" : "no such file"
            throw CommandError("cannot read \(what) \(path): \(reason)")
        }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CommandError("cannot read \(what) \(path): \(error.localizedDescription)")
        }
    }
}
