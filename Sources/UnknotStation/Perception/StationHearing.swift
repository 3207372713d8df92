import UnknotCore
import UnknotHearing
import UnknotSession
import UnknotSignals

/// The station's ears: a microphone's raw audio (16 kHz, 16-bit) heard on its own thread by a
/// ``TableListener``, the labels read by a ``ReactionDetector``, and what it finds posted to the
/// loop of the session on the table as reactions (the engine answers them as the care plan says).
///
/// Guarantees: audio is heard only for a session whose client's care plan lets the station listen
/// (``SessionAtTable/listeningLoop``); the microphone is still read between and during other
/// sessions, so it never backs up, and that audio is dropped unheard. Each session is heard afresh
/// (a new listener and detector on its own clock). Audio is kept in memory only as long as the
/// listener's window and is never written anywhere — only labels and confidences leave it, as
/// reactions in the record; nothing here runs on the loop's thread. The engine's guarding (read
/// from the loop as it happens) reaches the detector too, so a groan or gasp heard beside it is
/// pain (CARE.md section 1), as in the simulation.
public final class StationHearing: @unchecked Sendable {
    public let source: any PCMSource
    private let network: QuantizedNetwork
    private let calibration: HearingCalibration
    private var listener: TableListener
    private var detector: ReactionDetector
    /// Every label heard in the session heard last, with its station time (for the log and tests).
    public private(set) var heard: [(at: Int, sound: SoundEvent)] = []
    /// Sessions heard so far.
    public private(set) var sessionsHeard = 0
    /// Blocks of audio dropped unheard (no session on the table, or its client did not consent).
    public private(set) var droppedBlocks = 0
    /// Reactions the loop did not take (its command hand-off was full).
    public private(set) var refused = 0
    /// The loop's latest guarding already given to the detector.
    private var guardingSeen = -1

    /// Whether the station may listen to this client at all.
    public static func listens(for carePlan: CarePlan) -> Bool { carePlan.stationMayListen }

    /// Ears on `source`, with the shipped network and `calibration`.
    public init(source: any PCMSource, calibration: HearingCalibration) throws {
        self.source = source
        self.calibration = calibration
        network = try YAMNet.network()
        listener = TableListener(network: network, calibration: calibration)
        detector = try ReactionDetector(sampleRate: 25)
    }

    /// Hears for whichever session is on `table` until the source ends or `shouldStop` says so
    /// (checked between reads, at least once a second), posting reactions to that session's loop.
    public func run<Hardware>(following table: SessionAtTable<Hardware>, shouldStop: () -> Bool = { false }) {
        var block = [Int16](repeating: 0, count: 1_600)
        var hearing: StationLoop<Hardware>?
        while !shouldStop() {
            let reading = block.withUnsafeMutableBufferPointer { source.read(into: $0) }
            guard case .samples(let count) = reading else {
                if reading == .ended { return }
                continue
            }
            guard count > 0 else { continue }
            guard let loop = table.listeningLoop else {
                hearing = nil
                droppedBlocks += 1
                continue
            }
            if loop !== hearing {
                hearing = loop
                begin(at: loop.status.time)
                guardingSeen = loop.lastGuarding.load(ordering: .relaxed)
            }
            // Guarding the engine found since the last block: a groan beside it is pain.
            let guarded = loop.lastGuarding.load(ordering: .relaxed)
            if guarded != guardingSeen, guarded >= 0 {
                guardingSeen = guarded
                detector.guarding(at: guarded)
            }
            block.withUnsafeBufferPointer { samples in
                listener.listen(pcm16: UnsafeBufferPointer(rebasing: samples[0..<count])) { at, sound in
                    heard.append((at, sound))
                    detector.sound(sound, at: at)
                }
            }
            while let found = detector.nextReaction() {
                if !loop.commands.post(.reaction(found.event)) { refused += 1 }
            }
        }
    }

    /// A new session is heard from station time `time` (ms): nothing of the last one carries over.
    private func begin(at time: Int) {
        listener = TableListener(network: network, calibration: calibration, startTime: time)
        if let fresh = try? ReactionDetector(sampleRate: 25) { detector = fresh }
        heard.removeAll(keepingCapacity: true)
        sessionsHeard += 1
    }
}
