/// Arm → station: what the arm can do at a queried point.
public struct ReachAnswer: Sendable, Hashable {
    public var check: UInt32
    public var index: UInt32
    public var verdict: ReachVerdict

    public init(check: UInt32, index: UInt32, verdict: ReachVerdict) {
        self.check = check
        self.index = index
        self.verdict = verdict
    }
}
