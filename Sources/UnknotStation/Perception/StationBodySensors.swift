import UnknotCore
import UnknotSession
import UnknotSignals

/// The station's body sensors, read on their own thread: every heart beat goes to the loop (the
/// engine's heart watch), and beats, skin and breathing go to a ``ReactionDetector`` whose
/// reactions (pain, tears, laughter, relaxation, sleep) the loop gets as commands, for the engine
/// to answer as the care plan says.
///
/// Guarantees: nothing here runs on the loop's thread or waits on it (commands are posted; a full
/// handoff drops the reading and counts it); a source that ends ends the reading.
public final class StationBodySensors<Source: BodySensorSource>: @unchecked Sendable {
    public private(set) var source: Source
    private var detector: ReactionDetector
    /// Readings taken, and reactions found (in the session read last, when following a table).
    public private(set) var readings = 0
    public private(set) var reactions: [(at: Int, event: ReactionEvent)] = []
    /// Readings dropped because no session was on the table.
    public private(set) var dropped = 0
    private let sampleRate: Double
    /// Commands the loop did not take (its handoff was full).
    public private(set) var refused = 0

    /// - Parameter sampleRate: the rate of the skin and breathing samples, Hz (25 for the shipped sensors).
    public init(source: Source, sampleRate: Double = 25) throws {
        self.source = source
        self.sampleRate = sampleRate
        detector = try ReactionDetector(sampleRate: sampleRate)
    }

    /// Reads until the source ends or `shouldStop` says so (checked at least every 100 ms),
    /// handing each command to `post` (the loop's `commands.post`).
    public func run(posting post: (StationCommand) -> Bool, shouldStop: () -> Bool = { false }) {
        while !shouldStop() {
            switch source.next(waitingUpTo: 100) {
            case .ended: return
            case .nothing: continue
            case .reading(let reading): take(reading, posting: post)
            }
        }
    }

    /// Reads for whichever session is on `table` until the source ends or `shouldStop` says so:
    /// each session starts afresh (a new detector: the next client's body is not the last one's),
    /// and readings between sessions are dropped (``dropped``), never posted to a finished loop.
    public func run<Hardware>(following table: SessionAtTable<Hardware>, shouldStop: () -> Bool = { false }) {
        var reading: StationLoop<Hardware>?
        while !shouldStop() {
            switch source.next(waitingUpTo: 100) {
            case .ended: return
            case .nothing: continue
            case .reading(let taken):
                guard let loop = table.loop else {
                    reading = nil
                    readings += 1
                    dropped += 1
                    continue
                }
                if loop !== reading {
                    reading = loop
                    if let fresh = try? ReactionDetector(sampleRate: sampleRate) { detector = fresh }
                    reactions.removeAll(keepingCapacity: true)
                }
                take(taken, posting: { loop.commands.post($0) })
            }
        }
    }

    private func take(_ reading: BodySensorReading, posting post: (StationCommand) -> Bool) {
        readings += 1
        switch reading {
        case .beat(let rr, let at):
            if !post(.beat(rrMilliseconds: rr)) { refused += 1 }
            detector.beat(rrMilliseconds: rr, at: at)
        case .sample(let skin, let breath, let at):
            detector.sample(skinConductance: skin, respiration: breath, at: at)
        }
        while let found = detector.nextReaction() {
            reactions.append(found)
            if !post(.reaction(found.event)) { refused += 1 }
        }
    }
}
