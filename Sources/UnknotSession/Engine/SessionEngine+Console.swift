import UnknotCore

extension SessionEngine {
    /// The client's console stopped answering (its connection dropped, the screen was unplugged).
    /// The client can no longer press pause or "that hurts", so the station pauses: the arm lifts
    /// and the plan's clock stops, as for a pause the client asked for. Nothing starts again by
    /// itself; the client resumes from the console once it is back.
    public mutating func consoleLost() {
        guard state.movesPlan || state == .settlingIn else { return }
        if let open = openCheckIn { closeCheckIn(open.kind, answer: nil) }
        enter(.pausedByClient)
        emit(
            .decision(
                PolicyDecision(
                    trigger: nil, choice: nil, actions: [], area: nil,
                    detail: "console lost: paused until the client resumes from the console")))
        say("The console lost its connection, so I've paused. Press resume when it's back.", .question)
    }

    /// The console is back after ``consoleLost()``; the session stays as it is until the client
    /// presses something.
    public mutating func consoleBack() {
        guard state == .pausedByClient else { return }
        say("The console is back. Still paused; press resume whenever you're ready.", .information)
    }
}
