import Foundation
import UnknotSimulation
import UnknotStation

/// A simulated body behind the station's body-sensor input: the simulation's synthetic heart
/// beats, skin conductance and breathing for a body in a given state, as readings in station time
/// — in real time, or as fast as they are asked for (checks). What a demo station's sensors read
/// until an integrator connects real ones (``BodySensorSocket``).
public struct SimulatedBodySensors: BodySensorSource {
    public var state: BodyState
    private var signals: SyntheticBiosignals
    private var now = 0
    private let end: Int
    private let realTime: Bool
    private let started = ContinuousClock.now
    private var queued: [BodySensorReading] = []

    /// - Parameters:
    ///   - until: station time at which the source ends, ms.
    ///   - realTime: readings come as the clock passes their time; otherwise at once.
    public init(seed: UInt64, state: BodyState = BodyState(), until end: Int, realTime: Bool) {
        self.state = state
        signals = SyntheticBiosignals(seed: seed)
        self.end = end
        self.realTime = realTime
    }

    /// A skin response of `amplitude` µS from now (a startle, a pain).
    public mutating func startle(_ amplitude: Double) { signals.startle(amplitude) }

    public mutating func next(waitingUpTo milliseconds: Int) -> BodySensorEvent {
        if !queued.isEmpty { return .reading(queued.removeFirst()) }
        let elapsed = ContinuousClock.now - started
        let due =
            realTime
            ? min(end, Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            : end
        while now < due, queued.isEmpty {
            now += 1
            let step = signals.step(at: now, state: state)
            if let rr = step.beat { queued.append(.beat(rrMilliseconds: rr, at: now)) }
            if let sample = step.sample {
                queued.append(
                    .sample(skinConductance: sample.skinConductance, respiration: sample.respiration, at: now))
            }
        }
        if !queued.isEmpty { return .reading(queued.removeFirst()) }
        if now >= end { return .ended }
        Thread.sleep(forTimeInterval: Double(min(milliseconds, 5)) / 1_000)
        return .nothing
    }
}
