import Synchronization
import UnknotStudio

/// Who sent the request being handled, set by ``AuthenticationMiddleware`` for the generated
/// handlers (which see only their operation's input).
enum RequestCaller {
    @TaskLocal static var current: Caller?
    /// The token the request was signed in with (to sign out).
    @TaskLocal static var token: String?
    /// Where a handler leaves the session cookie to set on the response (the generated code
    /// would percent-encode a `Set-Cookie` header; ``AuthenticationMiddleware`` writes it as is).
    @TaskLocal static var cookie: CookieToSet?
}

/// A `Set-Cookie` value a handler wants on its response.
final class CookieToSet: Sendable {
    private let value = Mutex<String?>(nil)

    func set(_ cookie: String) { value.withLock { $0 = cookie } }
    var cookie: String? { value.withLock { $0 } }
}

/// The cookie the web pages are signed in with (HttpOnly, SameSite=Strict).
enum SessionCookie {
    static let name = "unknot_session"
}
