import Foundation
import UnknotStudioLink

/// What this studio instance knows of the stations linked to the other instances on the same
/// PostgreSQL database, from what they publish twice a second; and the frames they exchange.
///
/// Guarantees: a station's state from another instance is shown only while fresh (``freshSeconds``);
/// an instance ignores what it published itself.
struct OtherInstances: Sendable {
    static let floorChannel = "unknot_station_floor"
    static let ordersChannel = "unknot_staff_orders"
    static let freshSeconds = 2.0

    private var states: [Int: (state: LiveUpdate.StationState, at: ContinuousClock.Instant)] = [:]

    /// Station `id` as another instance last said, if fresh.
    func state(of id: Int) -> LiveUpdate.StationState? {
        guard let known = states[id], ContinuousClock.now - known.at < .seconds(Self.freshSeconds) else { return nil }
        return known.state
    }

    /// Whether another instance said anything of station `id` lately (its orders go there even
    /// when its last word is a little stale on a loaded machine).
    func knows(_ id: Int) -> Bool {
        guard let known = states[id] else { return false }
        return ContinuousClock.now - known.at < .seconds(30) && known.state.link != nil
    }

    mutating func heard(_ state: LiveUpdate.StationState) { states[state.id] = (state, .now) }

    /// What an instance publishes of a station linked to it.
    struct Published: Codable, Sendable {
        var instance: UUID
        var state: LiveUpdate.StationState
    }

    /// A staff order for a station linked to another instance.
    struct Order: Codable, Sendable {
        var instance: UUID
        var station: Int
        var command: StaffCommand
    }

    static func order(station: Int, command: StaffCommand, from instance: UUID) -> String {
        LiveUpdate.json(Order(instance: instance, station: station, command: command))
    }
}
