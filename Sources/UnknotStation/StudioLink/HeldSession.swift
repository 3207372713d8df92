import Foundation
import UnknotStudioLink

/// What the station keeps beside a session's record on its disk, until the studio holds all of
/// it: the assignment (so the record can be delivered after a restart), and how the session ended.
struct HeldSession: Codable, Sendable, Hashable {
    var assignment: SessionAssignment
    /// The session is over: it finished, or the station found it interrupted when it started again.
    var finished = false
    var interrupted = false
}
