/// What a session ran on, as its record says: the ground for telling a client plainly when a
/// session was a simulation, and for never offering what a simulated body "showed" as a change to
/// their care plan.
extension SessionRecordHeader {
    /// Whether the session ran on a simulated arm and body. A record that does not name a hardware
    /// arm counts as simulated: only an arm that said in its handshake it is hardware makes a
    /// session about a real body.
    public var ranOnSimulation: Bool { robot.map(\.simulated) ?? true }

    /// What the session ran on, in plain words.
    public var ranOn: String {
        let seedWords = seed.map { " (seed \($0))" } ?? ""
        guard let robot else {
            return seed == nil
                ? "a station that did not say which arm it had" : "a simulated arm and body\(seedWords)"
        }
        if robot.simulated { return "a simulated arm and body\(seedWords)" }
        return "\(robot.model), serial \(robot.serial)"
    }
}
