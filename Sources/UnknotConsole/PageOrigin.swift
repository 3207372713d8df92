import Foundation

/// Whether a request came from a page of the site it is sent to, by its `Origin` header: the one
/// rule the studio's pages and the station's own console both use against cross-site requests.
///
/// Guarantees: `null` and any web origin naming another host or port is another site; an
/// origin that is not a web page's (`ws://…`, a program's) is not; default ports (80, 443) match
/// whether spelt or not.
public enum PageOrigin {
    /// Whether `origin` is a web page of another site than the one at `authority` (`host[:port]`,
    /// as the request's `Host` says).
    public static func anotherSite(_ origin: String, authority: String?) -> Bool {
        let trimmed = origin.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "null" { return true }
        guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") else { return false }
        return !sameOrigin(trimmed, authority: authority)
    }

    /// Whether any of `origins` is a web page of another site.
    public static func anotherSite(_ origins: [String], authority: String?) -> Bool {
        origins.contains { anotherSite($0, authority: authority) }
    }

    /// Whether `origin` (`scheme://host[:port]`) names the site at `authority`.
    public static func sameOrigin(_ origin: String, authority: String?) -> Bool {
        guard let authority, let url = URL(string: origin), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host?.lowercased(), url.path.isEmpty,
            url.user == nil, url.query == nil
        else { return false }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        guard let own = URL(string: "\(scheme)://\(authority)"), let ownHost = own.host?.lowercased() else {
            return false
        }
        let ownPort = own.port ?? (scheme == "https" ? 443 : 80)
        return host == ownHost && port == ownPort
    }
}
