import UnknotCore

/// The console's voice: turns what the session tells the client into a ``ConsoleMessage``,
/// spoken aloud or only shown, as the client's voice setting and wakefulness allow.
///
/// Inputs: the text, its importance, whether the moment asks for quiet, whether the client
/// sleeps. Output: the message. State: the client's voice setting. Guarantees: nothing is spoken to a sleeping client, and every message to a sleeping
/// client is quiet; with voice prompts off nothing is spoken.
struct ConsoleVoice: Sendable {
    private let prompts: VoicePrompts

    init(prompts: VoicePrompts) { self.prompts = prompts }

    func message(_ text: String, _ importance: MessageImportance, quiet: Bool, asleep: Bool) -> ConsoleMessage {
        let allowed: Bool =
            switch prompts {
            case .off: false
            case .minimal: importance >= .question
            case .on: true
            }
        return ConsoleMessage(text, spoken: allowed && !asleep, quiet: quiet || asleep)
    }
}
