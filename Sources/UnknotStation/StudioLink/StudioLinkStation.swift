import UnknotStudioLink

/// What the station's end of the studio link asks of the station it serves (see
/// ``StudioLinkClient``): its hello, its report ten times a second, the frames waiting in its
/// outbox, and what to do with what the studio says.
///
/// Every call is quick and never waits on the 1 kHz loop: the station answers from what its loop
/// last published.
public protocol StudioLinkStation: Sendable {
    /// The first frame on each new link.
    func hello() async -> StationHello
    /// The station's state now.
    func report() async -> StationReport
    /// Frames waiting to go (alerts, messages, record chunks), oldest first; they leave the outbox.
    func takeOutgoing() async -> [StationMessage]
    /// A message from the studio.
    func received(_ message: StudioMessage) async
    /// The link opened (welcomed) or closed (with why).
    func linkChanged(_ state: StudioLinkState) async
}

/// Where the link is.
public enum StudioLinkState: Sendable, Hashable {
    case connected(StudioWelcome)
    case disconnected(String)
}
