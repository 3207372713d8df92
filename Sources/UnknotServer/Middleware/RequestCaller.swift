import Hummingbird
import Synchronization
import UnknotStudio

/// Who sent the request being handled, set by ``AuthenticationMiddleware`` for the generated
/// handlers (which see only their operation's input).
enum RequestCaller {
    @TaskLocal static var current: Caller?
    /// The token the request was signed in with (to sign out).
    @TaskLocal static var token: String?
    /// Where a handler leaves the cookies to set on the response.
    @TaskLocal static var headers: HeadersToSet?
    /// Where a sign-in would come from: the connection's network address and the device cookie.
    @TaskLocal static var source = SignInSource()
}

/// The cookies and links a handler wants set on its response (the generated code would
/// percent-encode a `Set-Cookie` or `Link` header; ``AuthenticationMiddleware`` sets them as
/// they are, cookies with Hummingbird's `Cookie`).
final class HeadersToSet: Sendable {
    private let values = Mutex<(cookies: [Cookie], link: String?)>(([], nil))

    func set(_ cookies: [Cookie]) { values.withLock { $0.cookies.append(contentsOf: cookies) } }
    /// The next page of a list (RFC 8288): `</path?query>; rel="next"`.
    func setNextPage(_ target: String) { values.withLock { $0.link = "<\(target)>; rel=\"next\"" } }
    var cookies: [Cookie] { values.withLock { $0.cookies } }
    var link: String? { values.withLock { $0.link } }
}
