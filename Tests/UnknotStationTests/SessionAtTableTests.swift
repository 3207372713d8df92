import Foundation
import Synchronization
import Testing
import UnknotCore
import UnknotHearing
import UnknotPlanning
import UnknotSession
import UnknotStation
import UnknotTesting

/// The station's inputs that outlive a session (the microphone, the body sensors) follow the
/// session on the table: consent opens and closes the listener with each session, each session
/// starts afresh, and nothing read between sessions reaches a loop.
@Suite("Inputs following the session on the table")
struct SessionAtTableTests {
    /// A microphone the test scripts: blocks of 100 ms, with what happens at the table before some.
    final class ScriptedMicrophone: PCMSource {
        private var blocks: [(samples: [Int16], before: (() -> Void)?)] = []
        private var next = 0

        func add(_ samples: [Int16], before: (() -> Void)? = nil) {
            var first = true
            for start in stride(from: 0, to: samples.count, by: 1_600) {
                let block = Array(samples[start..<min(samples.count, start + 1_600)])
                blocks.append((block, first ? before : nil))
                first = false
            }
        }

        var blockCount: Int { blocks.count }

        func read(into samples: UnsafeMutableBufferPointer<Int16>) -> RawPCMSource.Reading {
            guard next < blocks.count else { return .ended }
            let (block, before) = blocks[next]
            next += 1
            before?()
            for (i, sample) in block.prefix(samples.count).enumerated() { samples[i] = sample }
            return .samples(min(block.count, samples.count))
        }
    }

    static func loop(care: CarePlan) throws -> StationLoop<ScriptedHardware> {
        let plan = try SessionPlanner().plan(Fixtures.request("total-back", minutes: 30, carePlan: care))
        return StationLoop(
            engine: SessionEngine(plan: plan, carePlan: care, body: Fixtures.body), hardware: ScriptedHardware(),
            pace: .asFastAsPossible)
    }

    /// The reactions posted to `loop` and not yet taken.
    static func reactions(posted loop: StationLoop<ScriptedHardware>) -> [ReactionEvent] {
        var commands: [StationCommand] = []
        loop.commands.drain(into: &commands, waiting: false)
        return commands.compactMap { if case .reaction(let event) = $0 { event } else { nil } }
    }

    static func care(listens: Bool) throws -> CarePlan {
        var care = CarePlan()
        care.stationMayListen = listens
        care.ifICry = .pauseAndOfferTissue
        return care
    }

    /// A loop whose session is over (halted): on the table, but no longer running.
    static func halted(care: CarePlan) throws -> StationLoop<ScriptedHardware> {
        let loop = try Self.loop(care: care)
        loop.commands.post(.halt)
        _ = try loop.run()
        return loop
    }

    @Test(
        "the same real crying to three sessions in turn: unheard without consent, heard with it, unheard once over",
        .enabled(if: ProvidedRecordings.shouldRun))
    func consentFollowsTheSession() throws {
        let crying = try ProvidedRecordings.surelyCrying()
        let silence = [Int16](repeating: 0, count: 16_000)
        let table = SessionAtTable<ScriptedHardware>()
        let (refuses, consents) = (try Self.care(listens: false), try Self.care(listens: true))
        let refusing = try Self.loop(care: refuses)
        let consenting = try Self.loop(care: consents)
        let over = try Self.halted(care: consents)
        let microphone = ScriptedMicrophone()
        microphone.add(silence + crying + silence) { table.begin(refusing, carePlan: refuses) }
        let first = microphone.blockCount
        microphone.add(silence + crying + silence) { table.begin(consenting, carePlan: consents) }
        let second = microphone.blockCount - first
        microphone.add(silence + crying + silence) { table.begin(over, carePlan: consents) }
        let third = microphone.blockCount - first - second

        let ears = try StationHearing(source: microphone, calibration: try HearingCalibration.shipped())
        ears.run(following: table)

        #expect(Self.reactions(posted: refusing).isEmpty, "nothing is heard for a client who did not consent")
        let heard = Self.reactions(posted: consenting)
        #expect(heard.contains { $0.kind == .crying }, "the consenting client's tears are heard: \(heard)")
        #expect(Self.reactions(posted: over).isEmpty, "nothing reaches a session that is over")
        #expect(ears.sessionsHeard == 1)
        #expect(ears.heard.contains { $0.sound.kind == .crying || $0.sound.kind == .sobbing }, "\(ears.heard)")
        #expect(ears.droppedBlocks == first + third, "every block outside the consenting session dropped unheard")
    }

    /// Body sensors the test scripts: one beat (RR 800 ms) after another, with what happens at the
    /// table before some.
    @Test(
        "a real groan beside the engine's guarding is pain; the same groan alone is not",
        .enabled(if: ProvidedRecordings.shouldRun))
    func groanWithGuarding() throws {
        let groan = try ProvidedRecordings.surelyGroaning()
        let silence = [Int16](repeating: 0, count: 16_000)
        let care = try Self.care(listens: true)
        var found: [String: [ReactionEvent]] = [:]
        for guarded in [false, true] {
            let table = SessionAtTable<ScriptedHardware>()
            let loop = try Self.loop(care: care)
            let microphone = ScriptedMicrophone()
            microphone.add(silence) { table.begin(loop, carePlan: care) }
            microphone.add(groan)
            // The engine finds guarding as the groan ends (the session began 1 s before it).
            let end = 1_000 + groan.count / 16
            microphone.add(silence) { if guarded { loop.lastGuarding.store(end, ordering: .relaxed) } }
            let ears = try StationHearing(source: microphone, calibration: try HearingCalibration.shipped())
            ears.run(following: table)
            #expect(ears.heard.contains { $0.sound.kind == .groan || $0.sound.kind == .gasp }, "\(ears.heard)")
            found["\(guarded)"] = Self.reactions(posted: loop)
        }
        let alone = found["false"] ?? []
        let withGuarding = found["true"] ?? []
        #expect(!alone.contains { $0.kind == .pain }, "a groan alone is not pain: \(alone)")
        #expect(
            withGuarding.contains { $0.kind == .pain && $0.evidence.contains(.guarding) },
            "a groan with guarding is pain: \(withGuarding)")
    }

    @Test("the loop notes when the engine answers guarding, for the station's ears")
    func loopNotesGuarding() throws {
        let loop = try Self.loop(care: try Self.care(listens: true))
        #expect(loop.lastGuarding.load(ordering: .relaxed) == -1)
        loop.commands.post(.reaction(ReactionEvent(.pain, confidence: 0.9, evidence: [.guarding])))
        loop.commands.post(.halt)
        _ = try loop.run()
        #expect(loop.lastGuarding.load(ordering: .relaxed) >= 0)
        let other = try Self.loop(care: try Self.care(listens: true))
        other.commands.post(.reaction(ReactionEvent(.crying, confidence: 0.9, evidence: [.sound(.crying)])))
        other.commands.post(.halt)
        _ = try other.run()
        #expect(other.lastGuarding.load(ordering: .relaxed) == -1, "tears are no guarding")
    }

    struct ScriptedSensors: BodySensorSource {
        var beats: [(() -> Void)?]
        var next = 0
        mutating func next(waitingUpTo milliseconds: Int) -> BodySensorEvent {
            guard next < beats.count else { return .ended }
            beats[next]?()
            next += 1
            return .reading(.beat(rrMilliseconds: 800, at: next * 800))
        }
    }

    @Test("beats reach only the session on the table: none before it, none after it is over, none to the next")
    func beatsFollowTheSession() throws {
        let table = SessionAtTable<ScriptedHardware>()
        let care = CarePlan()
        let running = try Self.loop(care: care)
        let over = try Self.halted(care: care)
        var script = [(() -> Void)?](repeating: nil, count: 30)
        script[10] = { table.begin(running, carePlan: care) }
        script[20] = { table.begin(over, carePlan: care) }
        let sensors = try StationBodySensors(source: ScriptedSensors(beats: script))
        sensors.run(following: table)

        var commands: [StationCommand] = []
        running.commands.drain(into: &commands, waiting: false)
        let beats = commands.filter { if case .beat = $0 { true } else { false } }
        #expect(beats.count == 10, "the ten beats read during the session: \(commands)")
        var late: [StationCommand] = []
        over.commands.drain(into: &late, waiting: false)
        #expect(late.isEmpty, "\(late)")
        #expect(sensors.readings == 30 && sensors.dropped == 20)
    }
}
