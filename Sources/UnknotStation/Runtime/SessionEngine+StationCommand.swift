import UnknotSession

extension SessionEngine {
    /// Acts on a command from outside the loop; returns whether it asks the loop to halt (which
    /// only the loop can do: a stepped station pauses as for a lost console instead).
    mutating func follow(_ command: StationCommand) -> Bool {
        switch command {
        case .control(let control): take(control)
        case .emergencyStop: emergencyStop()
        case .releaseEmergencyStop: releaseEmergencyStop()
        case .consoleLost: consoleLost()
        case .consoleBack: consoleBack()
        case .reaction(let reaction): take(reaction)
        case .beat(let rr): take(beat: rr)
        case .halt: return true
        }
        return false
    }
}
