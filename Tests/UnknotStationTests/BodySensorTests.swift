import Foundation
import Synchronization
import Testing
import UnknotCore
import UnknotDemoStations
import UnknotPlanning
import UnknotRobotLink
import UnknotSession
import UnknotSimulation
import UnknotTesting

@testable import UnknotStation

/// The body sensors' input (issue #15): the datagram every sensor hub speaks, its socket, the
/// simulated body behind the same input, and the readings reaching the loop as commands.
@Suite struct BodySensorTests {
    static func bytes(_ reading: BodySensorReading) -> [UInt8] { BodySensorWire.encode(reading) }

    static func decode(_ bytes: [UInt8]) throws(BodySensorWire.Failure) -> BodySensorReading {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(BodySensorWire.Failure) in try BodySensorWire.decode(raw) }
        }
        return try result.get()
    }

    static func put(_ value: Double, at offset: Int, in bytes: inout [UInt8]) {
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64(i))) }
    }

    @Test("A reading survives the wire; every bad datagram is refused with its field named, never a crash")
    func wire() throws {
        for reading in [
            BodySensorReading.beat(rrMilliseconds: 857.5, at: 12_345),
            .sample(skinConductance: 4.25, respiration: -0.75, at: 99),
        ] {
            #expect(try Self.decode(Self.bytes(reading)) == reading)
            #expect(Self.bytes(reading).count == BodySensorWire.size)
        }
        let beat = Self.bytes(.beat(rrMilliseconds: 800, at: 1_000))
        var wrong: [([UInt8], BodySensorWire.Failure)] = [
            (Array(beat.prefix(20)), .size(20)), (beat + [0], .size(33)),
        ]
        var magic = beat
        magic[0] = UInt8(ascii: "X")
        wrong.append((magic, .notBodySensors))
        var version = beat
        version[4] = 2
        wrong.append((version, .unsupportedVersion(2)))
        var kind = beat
        kind[5] = 9
        wrong.append((kind, .unknownKind(9)))
        for (value, field) in [(Double.nan, "rrMilliseconds"), (50, "rrMilliseconds"), (9_000, "rrMilliseconds")] {
            var bad = beat
            Self.put(value, at: 16, in: &bad)
            wrong.append((bad, .outOfRange(field)))
        }
        let sample = Self.bytes(.sample(skinConductance: 3, respiration: 0, at: 10))
        var skin = sample
        Self.put(-1, at: 16, in: &skin)
        wrong.append((skin, .outOfRange("skinConductance")))
        var breath = sample
        Self.put(.infinity, at: 24, in: &breath)
        wrong.append((breath, .outOfRange("respiration")))
        var time = beat
        for i in 8..<16 { time[i] = 0xFF }
        wrong.append((time, .outOfRange("time")))
        for (bytes, failure) in wrong {
            #expect(throws: failure) { try Self.decode(bytes) }
            #expect(!failure.description.isEmpty)
        }
        // Random and mutated datagrams never trap the decoder.
        var generator = SeededGenerator(seed: 7)
        for round in 0..<20_000 {
            var bytes =
                round.isMultiple(of: 2) ? beat : (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[Int.random(in: 0..<32, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? Self.decode(bytes)
        }
    }

    @Test("The socket takes readings as they come and drops what does not decode")
    func socket() throws {
        let sensors = try BodySensorSocket(listening: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
        let hub = try DatagramSocket(bindingTo: try DatagramSocket.Endpoint(host: "127.0.0.1", port: 0))
        let station = try DatagramSocket.Endpoint(host: "127.0.0.1", port: sensors.port)
        let sent: [BodySensorReading] = [
            .beat(rrMilliseconds: 820, at: 820), .sample(skinConductance: 2.5, respiration: 0.1, at: 840),
        ]
        for reading in sent { _ = Self.bytes(reading).withUnsafeBytes { hub.send($0, to: station) } }
        _ = Array("hello".utf8).withUnsafeBytes { hub.send($0, to: station) }
        _ = Self.bytes(.beat(rrMilliseconds: 830, at: 1_650)).withUnsafeBytes { hub.send($0, to: station) }
        var got: [BodySensorReading] = []
        for _ in 0..<10 where got.count < 3 {
            if case .reading(let reading) = sensors.next(waitingUpTo: 500) { got.append(reading) }
        }
        #expect(got == sent + [.beat(rrMilliseconds: 830, at: 1_650)])
        #expect(sensors.invalid == 1)
        #expect(sensors.next(waitingUpTo: 10) == .nothing)
    }

    @Test("A simulated body's beats reach the engine through the loop's commands: its heart rate is the body's")
    func beatsReachTheEngine() throws {
        let sensors = try StationBodySensors(
            source: SimulatedBodySensors(seed: 3, until: 60_000, realTime: false))
        var posted: [StationCommand] = []
        sensors.run(posting: {
            posted.append($0)
            return true
        })
        let beats = posted.compactMap { command -> Double? in
            if case .beat(let rr) = command { return rr }
            return nil
        }
        #expect(sensors.readings > 1_500, "a minute of beats and 25 Hz samples: \(sensors.readings)")
        #expect((60...85).contains(beats.count), "\(beats.count) beats in a minute")
        let rate = 60_000 / (beats.reduce(0, +) / Double(beats.count))
        #expect(abs(rate - 70) < 8, "the body's heart rate: \(rate)")

        let hardware = ScriptedHardware()
        let care = CarePlan()
        let plan = try SessionPlanner().plan(Fixtures.request("total-back", minutes: 30, carePlan: care))
        let loop = StationLoop(
            engine: SessionEngine(plan: plan, carePlan: care, body: Fixtures.body), hardware: hardware,
            pace: .asFastAsPossible)
        try loop.prepare()
        for command in posted where !loop.commands.post(command) {
            for _ in 0..<10 { _ = loop.tick() }
            loop.commands.post(command)
        }
        for _ in 0..<1_000 { _ = loop.tick() }
        #expect(
            abs(loop.status.heartRate - rate) < 5,
            "the engine's heart rate \(loop.status.heartRate), the body's \(rate)")
    }
}
