import Foundation
import Synchronization
import UnknotStation
import UnknotStudioLink

/// A station program's link end for tests: it reports a running session, and tells the test
/// everything the link does to it, in order.
final class BenchStation: StudioLinkStation {
    enum Event: Sendable {
        case linked(StudioWelcome)
        case unlinked(String)
        case message(StudioMessage)
        case reported
    }

    let session = UUID()
    let log = Mutex<[Event]>([])
    private let stopped = Mutex(false)
    /// The records it says it holds on every link.
    let held: [HeldRecord]
    /// Whether it refuses every session the studio sends (it cannot plan them).
    let refusesSessions: Bool
    private let outbox = Mutex<[StationMessage]>([])

    init(held: [HeldRecord] = [], refusesSessions: Bool = false) {
        self.held = held
        self.refusesSessions = refusesSessions
    }

    /// How many emergency stops reached the station.
    var stops: Int {
        log.withLock { log in
            log.count { if case .message(.staff(let order)) = $0 { order.command == .emergencyStop } else { false } }
        }
    }

    private func note(_ event: Event) { log.withLock { $0.append(event) } }

    func hello() async -> StationHello {
        StationHello(software: "bench 1", simulated: true, seed: 7, held: held)
    }

    func report() async -> StationReport {
        note(.reported)
        let console = UnknotStudioLink.ConsoleStatus(
            time: 61_000, state: "massaging", stateText: stopped.withLock { $0 } ? "stopped by staff" : "massaging",
            planTime: 60_000, remaining: 1_140_000, phase: "warming", area: "upper back", contact: true, x: 0.4,
            y: 0.3, face: "posterior", level: 4, heartRate: 66, breathing: 12, relaxation: nil, relaxationWords: "",
            checkIn: nil, finished: false, report: nil)
        return StationReport(
            robot: "ready", latenessMicroseconds: [20, 180, 900],
            session: SessionReport(session: session, console: console, stopped: stopped.withLock { $0 }))
    }

    func takeOutgoing() async -> [StationMessage] {
        outbox.withLock { outbox in
            defer { outbox.removeAll() }
            return outbox
        }
    }

    func received(_ message: StudioMessage) async {
        if refusesSessions, case .run(let assignment) = message {
            outbox.withLock {
                $0.append(.refused(SessionRefusal(session: assignment.session, reason: "the bench plans nothing")))
            }
        }
        if case .staff(let order) = message, order.command == .emergencyStop { stopped.withLock { $0 = true } }
        note(.message(message))
    }

    func linkChanged(_ state: StudioLinkState) async {
        switch state {
        case .connected(let welcome): note(.linked(welcome))
        case .disconnected(let reason): note(.unlinked(reason))
        }
    }
}

extension BenchStation {
    /// The first event since the start that `matches`, waiting at most `seconds` for it (a bound
    /// on a real link, not a timing check); `nil` if none came.
    func first(within seconds: Int = 20, where matches: (Event) -> Bool) async -> Event? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let event = log.withLock({ $0.first(where: matches) }) { return event }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}
