/// Where the studio keeps its data.
public enum StudioStorage: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file (created if missing): the default, for one server.
    case sqlite(path: String)
    /// A PostgreSQL database, `postgres://user:password@host:port/database`: for a studio that runs
    /// several server instances on one database.
    case postgres(url: String)

    /// `sqlite` or `postgres`.
    public var kind: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Without the password.
    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let url):
            if let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") {
                "PostgreSQL \(url[..<scheme.upperBound])…\(url[at...])"
            } else {
                "PostgreSQL"
            }
        }
    }
}
