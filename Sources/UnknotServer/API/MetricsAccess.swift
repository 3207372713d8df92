import Crypto
import Foundation
import UnknotStudio

/// Who may read `GET /metrics`: an admin signed in, or a scraper presenting the token the server
/// was started with (`unknot serve --metrics-token`). Guarantees: nobody else — the metrics say
/// how busy the studio is and how its sign-ins fare, which is no stranger's business; the
/// scraper's token is compared by its SHA-256 digest in constant time, so its answer times say
/// nothing of how much of it was right.
struct MetricsAccess: Sendable {
    private let scraperDigest: [UInt8]?

    init(scraperToken: String?) {
        scraperDigest = scraperToken.flatMap { $0.isEmpty ? nil : Array(SHA256.hash(data: Data($0.utf8))) }
    }

    /// Throws 401 for a request with neither the scraper's token nor an account, 403 for an account
    /// that is not an admin's.
    func check(token: String?, caller: Caller?) throws(StudioError) {
        if let scraperDigest, let token {
            let presented = Array(SHA256.hash(data: Data(token.utf8)))
            var difference: UInt8 = 0
            for (a, b) in zip(presented, scraperDigest) { difference |= a ^ b }
            if difference == 0 { return }
        }
        guard let caller else {
            throw StudioError(
                .unauthorized,
                "the metrics are for the studio's admins and its metrics scraper: sign in as an admin, or send "
                    + "'Authorization: Bearer <token>' with the token given to unknot serve --metrics-token")
        }
        guard caller.role == .admin else { throw StudioError(.forbidden, "only an admin can read the metrics") }
    }
}
