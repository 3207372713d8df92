import Foundation

/// Writes each e-mail to a folder as an `.eml` file any mail program opens: the studio's mail
/// when no SMTP server is configured, so the first `unknot serve` needs nothing else.
///
/// Guarantees: a file appears whole or not at all (written beside, then renamed); files are
/// readable by their owner only (they hold sign-up links); names sort by the time written.
public struct MailFolder: MailTransport {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public var destination: String { "the folder \(folder.path)" }

    public func send(message: String, from sender: String, to recipient: String) async throws(MailError) {
        let stamp = Int((Date().timeIntervalSince1970 * 1000).rounded())
        let name = "\(stamp)-\(UUID().uuidString.prefix(8).lowercased()).eml"
        let final = folder.appendingPathComponent(name)
        let partial = folder.appendingPathComponent(".\(name).partial")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard
                FileManager.default.createFile(
                    atPath: partial.path, contents: Data(message.utf8), attributes: [.posixPermissions: 0o600])
            else { throw MailError.transient("cannot write \(partial.path)") }
            try FileManager.default.moveItem(at: partial, to: final)
        } catch let error as MailError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw .transient("cannot write to \(folder.path): \(error.localizedDescription)")
        }
    }
}
