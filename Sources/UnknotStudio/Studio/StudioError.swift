/// Why the studio refused a request, in words a client or an admin can act on.
///
/// Guarantees: `message` says what was wrong and how to fix it; `field` names the request field
/// when one field was at fault; nothing was written when one is thrown.
public struct StudioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal (the server turns it into an HTTP status).
    public enum Kind: String, Sendable, Hashable {
        /// The request was malformed (unreadable date, wrong format).
        case badRequest
        /// A value was well-formed but not acceptable; `field` says which.
        case invalid
        /// Not signed in, or the credentials are wrong.
        case unauthorized
        /// Signed in, but this is not yours or not your role's to do.
        case forbidden
        case notFound
        /// The thing exists already, or was taken meanwhile (a slot, an email).
        case conflict
        /// A studio rule refuses it (cut-off, screening, a promo code that does not apply).
        case refused
        /// Too many attempts (wrong passwords); the message says when to try again.
        case tooManyAttempts
        /// The database does not answer.
        case unavailable
    }

    /// One problem among several (a care plan reports them all at once).
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var kind: Kind
    public var field: String?
    public var message: String
    public var problems: [Problem]

    public init(_ kind: Kind, field: String? = nil, _ message: String, problems: [Problem] = []) {
        self.kind = kind
        self.field = field
        self.message = message
        self.problems = problems
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    static func invalid(_ field: String, _ message: String) -> StudioError { .init(.invalid, field: field, message) }
    static func notFound(_ message: String) -> StudioError { .init(.notFound, message) }
    static func forbidden(_ message: String) -> StudioError { .init(.forbidden, message) }
}
