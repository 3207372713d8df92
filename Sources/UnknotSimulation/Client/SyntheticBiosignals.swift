import Foundation
import UnknotCore

/// Heart beats, skin conductance and breathing consistent with a client's state, in the way
/// CARE.md section 7 describes: relaxation lowers the heart rate and raises RMSSD (stronger
/// respiratory sinus arrhythmia) and slows breathing; pain and stress raise the heart rate and
/// breathing rate and bring skin-conductance responses; crying raises the heart rate, then it
/// falls quickly, with short catching inhalations; laughter brings rapid breath bursts.
///
/// Deterministic for a seed. A step allocates nothing.
public struct SyntheticBiosignals: Sendable {
    public let baseHeartRate: Double
    private var rng: SeededGenerator
    private var heartRate: Double
    private var breathingRate = 14.0
    private var respiratoryPhase = 0.0
    private var untilBeat: Double
    private var rise = 0.0
    private var decay = 0.0
    private var tonic = 6.0
    private var sighDepth = 1.0
    private var sighPending = false
    private var wasPained = false
    private var wasCrying = false
    private var wasLaughing = false

    public init(seed: UInt64, baseHeartRate: Double = 70) {
        rng = SeededGenerator(seed: seed ^ 0xB10_5167)
        self.baseHeartRate = baseHeartRate
        heartRate = baseHeartRate
        untilBeat = 60_000 / baseHeartRate
    }

    /// How long the first sobs of a bout of tears go on, wherever the breath is, in ms.
    static let openingSob = 1_500

    public var currentHeartRate: Double { heartRate }
    public var currentBreathingRate: Double { breathingRate }

    /// Adds a skin-conductance response of `amplitude` µS.
    public mutating func startle(_ amplitude: Double) {
        rise += amplitude
        decay += amplitude
    }

    /// Advances 1 ms. Returns the RR interval when a beat falls in this millisecond, and a slow
    /// sample every 40 ms.
    public mutating func step(at now: Int, state: BodyState) -> (beat: Double?, sample: BiosignalSample?) {
        var crying = 0.0
        if state.cryingFor >= 0 { crying = state.cryingFor < 20_000 ? 12 : -4 }
        let targetHR =
            baseHeartRate - 10 * state.relaxation - (state.asleep ? 4 : 0) + 18 * state.pain + crying
            + (state.laughing ? 8 : 0)
        heartRate += (targetHR - heartRate) * (1.0 / 3_000)
        let targetBR =
            14 - 5 * state.relaxation - (state.asleep ? 2 : 0) + 6 * state.pain + (state.cryingFor >= 0 ? 5 : 0)
        breathingRate += (targetBR - breathingRate) * (1.0 / 10_000)
        respiratoryPhase += 2 * Double.pi * breathingRate / 60_000
        // A sigh is the next breath, taken deep.
        if state.sighing { sighPending = true }
        if respiratoryPhase >= 2 * Double.pi {
            respiratoryPhase -= 2 * Double.pi
            sighDepth = sighPending ? 2.6 : 1
            sighPending = false
        }
        // Skin conductance: responses at the onset of pain, tears and laughter, plus a few
        // spontaneous ones that fade as the client relaxes.
        if state.pain > 0.2, !wasPained { startle(0.8 + 0.4 * state.pain) }
        if state.cryingFor >= 0, !wasCrying { startle(0.6) }
        if state.laughing, !wasLaughing { startle(0.35) }
        wasPained = state.pain > 0.2
        wasCrying = state.cryingFor >= 0
        wasLaughing = state.laughing
        if Double.random(in: 0..<1, using: &rng) < (1 - state.relaxation) / 60_000 {
            startle(Double.random(in: 0.08...0.25, using: &rng))
        }
        rise -= rise / 750
        decay -= decay / 4_000
        tonic += ((6 - 2.5 * state.relaxation) - tonic) / 120_000

        var beat: Double?
        untilBeat -= 1
        if untilBeat <= 0 {
            let rsa = 0.02 + 0.05 * state.relaxation
            let rr = 60_000 / heartRate * (1 + rsa * sin(respiratoryPhase)) + rng.nextGaussian(deviation: 6)
            beat = rr
            untilBeat += rr
        }
        var sample: BiosignalSample?
        if now % 40 == 0 {
            var breath = sighDepth * sin(respiratoryPhase)
            let t = Double(now) / 1_000
            if state.cryingFor >= 0, state.cryingFor < Self.openingSob || cos(respiratoryPhase) > 0 {
                // Sobbing: a train of short, convulsive catching inhalations through each in-breath
                // (the breath rising). A sob is a spasm of the diaphragm, not a phase of the breath:
                // the first ones break into the breath wherever it is as the tears begin.
                let catchRate: Double = 2 * Double.pi * 2.7
                breath += 1.4 * max(0, sin(catchRate * t))
            }
            if state.laughing {
                let burstRate: Double = 2 * Double.pi * 5
                breath += 0.6 * sin(burstRate * t)
            }
            breath += rng.nextGaussian(deviation: 0.03)
            let conductance = tonic + max(0, decay - rise) + rng.nextGaussian(deviation: 0.005)
            sample = BiosignalSample(t: now, skinConductance: conductance, respiration: breath)
        }
        return (beat, sample)
    }
}
