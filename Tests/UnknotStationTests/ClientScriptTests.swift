import Foundation
import Testing
import UnknotCore
import UnknotSession

@testable import UnknotStation

/// A scripted client at the console: for sessions in lockstep (the physics twin), where the same
/// script must give the same session.
@Suite struct ClientScriptTests {
    @Test("A script reads M:SS and a typed word a line, in time order; comments and blank lines skipped")
    func reads() throws {
        var script = try ClientScript(text: "# a client who likes it firm\n\n2:30 hurts 6\n0:05 firmer\n 12:00 end \n")
        #expect(script.presses.map(\.at) == [5_000, 150_000, 720_000])
        #expect(script.due(at: 4_999) == nil)
        #expect(script.due(at: 5_000) == .control(.pressureUp))
        #expect(script.due(at: 5_001) == nil)
        #expect(script.due(at: 720_000) == .control(.thatHurts(rating: 6)))
        #expect(script.due(at: 720_000) == .control(.end))
        #expect(script.due(at: 720_000) == nil)
    }

    @Test("A wrong script is refused with every wrong line named and how to write it")
    func refusesEveryWrongLine() {
        let text = "5:00 end\n1:3 firmer\nsoon hurts\n2:00 jump\n3:00\n4:00 hurts 11"
        #expect {
            try ClientScript(text: text)
        } throws: { error in
            guard let error = error as? ClientScriptError else { return false }
            let said = error.description
            return error.lines.count == 5 && said.contains("line 2") && said.contains("'1:3' is not a time")
                && said.contains("line 3") && said.contains("line 4") && said.contains("'jump' is not a command")
                && said.contains("line 5") && said.contains("nothing to press") && said.contains("line 6")
                && !said.contains("line 1 ")
        }
    }

    @Test("The loop takes a scripted press at its very tick: \"1:00 end\" ends the session there")
    func loopTakesPressAtItsTick() throws {
        let hardware = ScriptedHardware()
        let loop = StationLoop(
            engine: try StationLoopTests.engine(), hardware: hardware, pace: .asFastAsPossible,
            script: try ClientScript(text: "# had enough\n1:00 end\n"))
        try loop.prepare()
        for _ in 0..<61_000 { _ = loop.tick() }
        var events: [TimedEvent] = []
        loop.events.drain(into: &events, waiting: false)
        let ends = events.filter { if case .control(.end) = $0.event { true } else { false } }
        #expect(ends.map(\.t) == [60_000])
    }
}
