import Foundation
import UnknotStudio

/// Prints the demo studio's credentials, once, when it is set up.
enum DemoAnnouncement {
    static func print(_ credentials: DemoCredentials, storage: StudioStorage) {
        var lines = ["", "A demo studio was set up in \(storage). Sign in with (shown only now):"]
        for account in credentials.accounts {
            lines.append(
                "  \(account.role.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(account.email)  \(account.password)"
            )
        }
        lines.append("")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
