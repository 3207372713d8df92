import Foundation
import UnknotStudio

extension StudioSettings {
    /// Settings for tests: studio time UTC, cheap hashes, and a hasher that admits every test's
    /// sign-ins at once (the tests run in parallel in one process; the studio's own admits 16).
    static var forTests: StudioSettings {
        var settings = StudioSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, passwordCost: 4)
        settings.passwordHasher = testHasher
        return settings
    }

    static let testHasher = PasswordHasher(threads: 2, capacity: 10_000)
}
