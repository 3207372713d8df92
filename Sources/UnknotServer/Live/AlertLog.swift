import Foundation

/// The staff alerts the floor keeps (issue #17, finding 8: a client pressing "call a person"
/// over and over filled the 50 kept alerts and pushed out other stations' pain alerts).
///
/// Guarantees: the same alert again from the same session is one entry whose count grows and
/// whose time moves to the latest; at most ``capacity`` entries are kept, and when one must go
/// it is the oldest of the station with the most, so a station never loses its alerts to
/// another station's flood (each keeps at least `capacity / stations` of its own).
struct AlertLog: Sendable {
    struct Entry: Sendable, Equatable {
        var session: UUID
        var station: String
        var client: String
        var at: String
        var text: String
        var count: Int
    }

    let capacity: Int
    /// Oldest first.
    private(set) var entries: [Entry] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func add(session: UUID, station: String, client: String, at: String, text: String) {
        if let index = entries.lastIndex(where: { $0.session == session && $0.text == text }) {
            var entry = entries.remove(at: index)
            entry.count += 1
            entry.at = at
            entries.append(entry)
            return
        }
        entries.append(Entry(session: session, station: station, client: client, at: at, text: text, count: 1))
        while entries.count > capacity {
            // The station with the most entries gives up its oldest.
            var counts: [String: Int] = [:]
            for entry in entries { counts[entry.station, default: 0] += 1 }
            guard let most = counts.max(by: { $0.value < $1.value })?.key,
                let oldest = entries.firstIndex(where: { $0.station == most })
            else { break }
            entries.remove(at: oldest)
        }
    }

    /// Newest first, as the floor shows them.
    var newestFirst: [LiveUpdate.Alert] {
        entries.reversed().map {
            LiveUpdate.Alert(
                station: $0.station, client: $0.client, at: $0.at,
                text: $0.count > 1 ? "\($0.text) (×\($0.count))" : $0.text)
        }
    }
}
