import UnknotStudio

/// Who sent the request being handled, set by ``AuthenticationMiddleware`` for the generated
/// handlers (which see only their operation's input).
enum RequestCaller {
    @TaskLocal static var current: Caller?
    /// The token the request was signed in with (to sign out).
    @TaskLocal static var token: String?
}

/// The cookie the web pages are signed in with (HttpOnly, SameSite=Strict).
enum SessionCookie {
    static let name = "unknot_session"
}
