import ArgumentParser

/// A command-line failure with a message that says what was wrong and how to fix it.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
