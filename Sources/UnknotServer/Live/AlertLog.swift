import Foundation
import UnknotStudio

/// The staff alerts the floor keeps (issue #17, finding 8: a client pressing "call a person"
/// over and over filled the 50 kept alerts and pushed out other stations' pain alerts).
///
/// Guarantees: the same alert again from the same session is one entry whose count grows and
/// whose time moves to the latest (and which is open again if staff had acknowledged it); at
/// most ``capacity`` entries are kept, and when one must go it is the oldest of the station with
/// the most, so a station never loses its alerts to another station's flood (each keeps at least
/// `capacity / stations` of its own). Times are the studio's wall clock when the alert arrived
/// (issue #18, defect 6: session-relative times read as out of order).
struct AlertLog: Sendable {
    struct Entry: Sendable, Equatable {
        var session: UUID
        var stationID: Int
        var station: String
        var client: String
        /// Studio-local minutes when it (last) arrived.
        var at: Int
        var text: String
        var kind: String?
        var count: Int
        /// Who acknowledged it (`nil`: open).
        var acknowledgedBy: String?
    }

    let capacity: Int
    /// Oldest first.
    private(set) var entries: [Entry] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func add(
        session: UUID, stationID: Int, station: String, client: String, at: Int, text: String, kind: String? = nil
    ) {
        if let index = entries.lastIndex(where: { $0.session == session && $0.text == text }) {
            var entry = entries.remove(at: index)
            entry.count += 1
            entry.at = at
            entry.acknowledgedBy = nil
            entries.append(entry)
            return
        }
        entries.append(
            Entry(
                session: session, stationID: stationID, station: station, client: client, at: at, text: text,
                kind: kind, count: 1))
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

    /// Marks every open alert of `session` as seen by `by`; returns how many were open.
    @discardableResult
    mutating func acknowledge(session: UUID, by: String) -> Int {
        var count = 0
        for index in entries.indices where entries[index].session == session && entries[index].acknowledgedBy == nil {
            entries[index].acknowledgedBy = by
            count += 1
        }
        return count
    }

    /// Newest first, as the floor shows them.
    var newestFirst: [LiveUpdate.Alert] { entries.reversed().map(Self.alert) }

    /// The open alerts of one session, newest first (for its station's card).
    func open(session: UUID) -> [LiveUpdate.Alert] {
        entries.reversed().filter { $0.session == session && $0.acknowledgedBy == nil }.map(Self.alert)
    }

    static func alert(_ entry: Entry) -> LiveUpdate.Alert {
        LiveUpdate.Alert(
            station: entry.station, client: entry.client, at: StudioTime(minutes: entry.at).clockText,
            text: entry.count > 1 ? "\(entry.text) (×\(entry.count))" : entry.text, stationId: entry.stationID,
            minute: entry.at,
            callsPerson: entry.kind == "client-asks-for-staff" || entry.text.contains("call a person")
                || entry.text.contains("asks for a person to come"),
            acknowledgedBy: entry.acknowledgedBy)
    }
}
