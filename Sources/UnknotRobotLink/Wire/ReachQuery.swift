import UnknotCore

/// Station → arm, before a session: can the tool press at this point? One point of one stroke of
/// the plan per datagram, numbered, so the answers can come back in any order and a lost one be
/// asked again (issue #19: reach is checked before a stroke is tried, never found mid-stroke).
public struct ReachQuery: Sendable, Hashable {
    /// The station's number for this check (every answer echoes it).
    public var check: UInt32
    /// The point's number within the check.
    public var index: UInt32
    /// Where the tool would press, cm, station frame, and the surface's normal there.
    public var position: Vector3
    public var normal: Vector3

    public init(check: UInt32, index: UInt32, position: Vector3, normal: Vector3) {
        self.check = check
        self.index = index
        self.position = position
        self.normal = normal
    }
}
