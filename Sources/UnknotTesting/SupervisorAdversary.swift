import UnknotCore
import UnknotSession

/// Feeds the safety supervisor alone with random setpoint streams that try to break it, and
/// has ``SupervisorChecker`` judge every output.
///
/// Each episode draws a client (care plan, screening, body), a face to lie on and a start,
/// then plays an adversary: a contact that wanders toward targets anywhere (other parts,
/// forbidden areas, zones, the spine, patch edges, off the body, the other face), mostly at
/// stroke speed and sometimes jumping; labels that lie; techniques swapped at random, point
/// pressure in zones; forces that step far above every limit; values that are not numbers;
/// sensor frames from a lagging arm with spikes, negative and impossible readings, bumps with
/// the arm lifted, dropouts and robot faults; level changes, turns, spots left alone, e-stops
/// and attempts to clear faults.
public enum SupervisorAdversary {
    /// What a run found.
    public struct Report: Sendable {
        public var setpoints = 0
        public var contacts = 0
        public var episodes = 0
        public var violations: [String] = []
        public var interventions = SafetyInterventions()
        /// How many episodes saw each kind of fault.
        public var faults: [String: Int] = [:]
        /// How many frames the checker saw that must hold the arm lifted, by cause.
        public var causes: [String: Int] = [:]

        public init() {}
    }

    /// Makes the supervisor under test from what the episode drew (a mutation check makes one
    /// with a guard switched off).
    public typealias Make =
        @Sendable (CarePlan, ScreeningOutcome, BodyModel, BodyFace, SurfacePoint) ->
        SafetySupervisor

    public static let standard: Make = { care, screening, body, face, at in
        SafetySupervisor(carePlan: care, screening: screening, body: body, lyingOn: face, at: at)
    }

    /// Runs episodes from `seed` until `setpoints` have been filtered; keeps at most `keep`
    /// violations. `stopEarly` ends the run after the episode that found the first one.
    public static func run(
        seed: UInt64, setpoints: Int, catalog: ProgramCatalog, make: Make = standard, keep: Int = 20,
        stopEarly: Bool = false
    ) -> Report {
        var report = Report()
        var rng = SeededGenerator(seed: seed)
        while report.setpoints < setpoints, !stopEarly || report.violations.isEmpty {
            let length = min(setpoints - report.setpoints, Int.random(in: 1_000...8_000, using: &rng))
            var episode = Episode(seed: rng.next(), catalog: catalog, make: make)
            episode.play(length, into: &report, keep: keep)
            report.episodes += 1
        }
        return report
    }
}

/// One client on one supervisor, played by the adversary.
struct Episode {
    var rng: SeededGenerator
    let body: BodyModel
    var supervisor: SafetySupervisor
    var checker: SupervisorChecker
    var lyingOn: BodyFace
    // The adversary's contact.
    var position: SurfacePoint
    var face: BodyFace
    var target: SurfacePoint
    var targetFace: BodyFace
    var step = 0.005
    var contact = true
    var technique = Technique.gliding
    var label: BodyPartID?
    var force = 0.0
    var forceTarget = 30.0
    // The arm and its sensors.
    var armForce = 0.0
    var dropoutUntil = 0
    var robotFaultUntil = 0
    var releaseAt: Int?

    init(seed: UInt64, catalog: ProgramCatalog, make: SupervisorAdversary.Make) {
        let client = RandomClient(seed: seed, catalog: catalog)
        rng = SeededGenerator(seed: seed ^ 0xAD7E_55A1)
        body = BodyModel(client.measurements)
        let screening = ContraindicationScreening.screen(
            client.carePlan.health, program: client.program, on: client.date)
        lyingOn = Bool.random(using: &rng) ? .posterior : .anterior
        let face = lyingOn
        let start =
            body.patches.filter { $0.face == face }.randomElement(using: &rng)?.center ?? SurfacePoint(x: 0, y: 0)
        supervisor = make(client.carePlan, screening, body, lyingOn, start)
        checker = SupervisorChecker(
            carePlan: client.carePlan, screening: screening, body: body, lyingOn: lyingOn, at: start)
        position = start
        self.face = lyingOn
        target = start
        targetFace = lyingOn
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func play(_ length: Int, into report: inout SupervisorAdversary.Report, keep: Int) {
        var faultKinds: Set<String> = []
        for now in 1...length {
            stir(at: now, report: &report, keep: keep)
            if let frame = frame(at: now) {
                supervisor.observe(frame, at: now)
                checker.observe(frame, at: now)
            }
            let proposed = propose()
            let out = supervisor.filter(proposed, at: now)
            let problems = checker.check(proposed, output: out, at: now) + checker.reported(supervisor.fault, at: now)
            if !problems.isEmpty {
                if report.violations.count < keep {
                    report.violations.append(contentsOf: problems)
                } else if report.violations.last != "…" {
                    report.violations.append("…")
                }
            }
            if let fault = supervisor.fault { faultKinds.insert(Self.kind(fault)) }
            report.setpoints += 1
            if out.contact {
                report.contacts += 1
                armForceTarget = out.normalForce
            } else {
                armForceTarget = 0
            }
            armContact = out.contact
            move()
        }
        for kind in faultKinds { report.faults[kind, default: 0] += 1 }
        report.causes.merge(checker.causes, uniquingKeysWith: +)
        report.interventions.add(supervisor.interventions)
    }

    var armForceTarget = 0.0
    var armContact = false

    static func kind(_ fault: SafetyFault) -> String {
        switch fault {
        case .sensorDropout: "sensor dropout"
        case .forceAboveCeiling: "force above ceiling"
        case .robotFault: "robot fault"
        case .emergencyStop: "emergency stop"
        case .invalidSetpoint: "invalid setpoint"
        case .implausibleReading: "implausible reading"
        }
    }
}

extension SafetyInterventions {
    /// Adds another run's counts.
    public mutating func add(_ other: SafetyInterventions) {
        forceClamped += other.forceClamped
        riseLimited += other.riseLimited
        forbiddenContact += other.forbiddenContact
        pointPressureInZone += other.pointPressureInZone
        heldLifted += other.heldLifted
        jumpLifted += other.jumpLifted
        wrongFace += other.wrongFace
        offBody += other.offBody
        invalidSetpoints += other.invalidSetpoints
        bumpLifted += other.bumpLifted
    }
}
