/// The twin's following-error watch, as servo drives have: the pad far from its target and no
/// longer getting nearer is a target the arm cannot reach (out of its workspace, at a joint's end,
/// at a singularity) — reported as a fault on the link rather than followed as far as the arm
/// goes. A system with an explicit input (each millisecond's distance to the target), state (the
/// nearest it has come and how long since it came nearer) and output (whether it has stalled).
///
/// A far target the arm is still approaching is not a fault: only a stall is, ``stallMilliseconds``
/// without coming ``progress`` nearer while more than ``tolerance`` away.
public struct FollowingWatch: Sendable, Hashable {
    /// Farther than this from the target (m) is following error.
    public static let tolerance = 0.08
    /// Coming this much nearer (m) is progress.
    public static let progress = 0.001
    /// This long (ms) without progress while in following error is a stall.
    public static let stallMilliseconds = 1_000

    private var nearest = Double.infinity
    private var stalled = 0

    public init() {}

    /// Takes one millisecond's distance to the target (m); returns whether the arm has stalled.
    public mutating func observe(distance: Double) -> Bool {
        guard distance > Self.tolerance else {
            nearest = .infinity
            stalled = 0
            return false
        }
        if distance < nearest - Self.progress {
            nearest = distance
            stalled = 0
        } else {
            stalled += 1
        }
        return stalled >= Self.stallMilliseconds
    }

    public mutating func reset() { self = FollowingWatch() }
}
