import UnknotCore
import UnknotRobotLink
import UnknotSession

#if canImport(Glibc)
    import Glibc
#endif

extension RobotLinkHardware {
    /// How many reach queries are in flight at once, and after how long without answers one
    /// unanswered is asked again.
    static let reachWindow = 32
    static let reachRetryMilliseconds = 200

    /// Asks the arm, before a session, what it can do at each point (cm, station frame, and the
    /// surface's normal there): its own kinematics answer, nothing moves (issue #19).
    ///
    /// Guarantees: one verdict per point, in order, or an error — `noReply` when the arm has answered
    /// none for `silenceMilliseconds` (a kinematic check takes its time: the twin's, in a debug build,
    /// about a millisecond a point; only silence is failure); lost or late datagrams are asked again and
    /// duplicate answers ignored; at most ``reachWindow`` queries in flight. Only between
    /// ``configure()`` and ``activate()`` (the arm is connected, not yet driven).
    public func reach(_ points: [(position: Vector3, normal: Vector3)], silenceMilliseconds: Int = 10_000)
        throws(HardwareError) -> [ReachVerdict]
    {
        guard lifecycle == .inactive else { throw .wrongState(lifecycle, expected: .inactive) }
        var verdicts = [ReachVerdict?](repeating: nil, count: points.count)
        var generator = SystemRandomNumberGenerator()
        let check = UInt32.random(in: 1...UInt32.max, using: &generator)
        let clock = ContinuousClock()
        var deadline = clock.now + .milliseconds(silenceMilliseconds)
        var lastAnswer = clock.now
        var pending: [(index: Int, sentAt: ContinuousClock.Instant)] = []
        var next = 0
        var answered = 0
        while answered < points.count {
            guard clock.now < deadline else { throw .noReply(afterMilliseconds: silenceMilliseconds) }
            // Ask again what went unanswered, once answers have stopped coming (a slow arm is not a
            // lossy link: asking it twice only slows it); then fill the window with new points.
            let retry = Duration.milliseconds(Self.reachRetryMilliseconds)
            for i in pending.indices where clock.now - lastAnswer > retry && clock.now - pending[i].sentAt > retry {
                try ask(check, pending[i].index, points)
                pending[i].sentAt = clock.now
            }
            while pending.count < Self.reachWindow, next < points.count {
                try ask(check, next, points)
                pending.append((next, clock.now))
                next += 1
            }
            guard socket.wait(milliseconds: 5) else { continue }
            while case .datagram(let count, _) = socket.receive(into: incoming) {
                guard
                    case .reachAnswer(let answer)? = try? RobotLinkWire.decode(
                        UnsafeRawBufferPointer(rebasing: incoming[0..<count])),
                    answer.check == check, Int(answer.index) < points.count, verdicts[Int(answer.index)] == nil
                else { continue }
                verdicts[Int(answer.index)] = answer.verdict
                answered += 1
                deadline = clock.now + .milliseconds(silenceMilliseconds)
                lastAnswer = clock.now
                pending.removeAll { $0.index == Int(answer.index) }
            }
        }
        return verdicts.map { $0 ?? .unchecked }
    }

    private func ask(_ check: UInt32, _ index: Int, _ points: [(position: Vector3, normal: Vector3)])
        throws(HardwareError)
    {
        try send(
            .reachQuery(
                ReachQuery(
                    check: check, index: UInt32(index), position: points[index].position,
                    normal: points[index].normal)))
    }
}
