import Foundation
import Hummingbird
import UnknotStudio

/// The cookies the studio sets, all `HttpOnly; SameSite=Strict; Path=/` (and `Secure` with
/// `--secure-cookies`): the sign-in (`unknot_session`, as long as the sign-in lasts) and the
/// device (`unknot_device`, set at a device's first sign-in to an account: it keeps the device's
/// own guess allowance when strangers have paused the account).
struct StudioCookies: Sendable {
    static let session = "unknot_session"
    static let device = "unknot_device"

    let secure: Bool

    init(_ settings: StudioSettings) { secure = settings.secureCookies }

    /// The cookies of a sign-in that has just succeeded at `now`.
    func signedIn(_ signedIn: SignedIn, now: Date) -> [Cookie] {
        var cookies = [cookie(Self.session, signedIn.token, until: signedIn.expiresAt, now: now)]
        if let device = signedIn.device {
            cookies.append(cookie(Self.device, device.token, until: device.expiresAt, now: now))
        }
        return cookies
    }

    /// Ends the sign-in cookie (the device's stays: it is no sign-in).
    var signedOut: [Cookie] {
        [Cookie(name: Self.session, value: "", maxAge: 0, path: "/", secure: secure, sameSite: .strict)]
    }

    private func cookie(_ name: String, _ value: String, until: Date, now: Date) -> Cookie {
        let seconds = max(0, Int(until.timeIntervalSince(now)))
        return Cookie(name: name, value: value, maxAge: seconds, path: "/", secure: secure, sameSite: .strict)
    }
}
