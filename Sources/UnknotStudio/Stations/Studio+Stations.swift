import FluentKit
import Foundation
import UnknotCore

extension Studio {
    /// Default cleaning buffer, minutes.
    public static let defaultCleaningBuffer = 10

    /// Every station (staff, admin).
    public func stations(_ caller: Caller) async throws(StudioError) -> [StationView] {
        try caller.requireStaff()
        return try await allStations()
    }

    func allStations() async throws(StudioError) -> [StationView] {
        let rows = try await database.read { db in try await StationRow.query(on: db).sort(\.$id).all() }
        return rows.compactMap(StationView.init)
    }

    /// Adds a station (admin); it gets the next number.
    public func createStation(_ caller: Caller, _ new: StationChange) async throws(StudioError) -> StationView {
        try caller.requireAdmin()
        let name = try Self.checkStationName(new.name ?? "")
        let buffer = try Self.checkBuffer(new.cleaningBuffer ?? Self.defaultCleaningBuffer)
        let hours = Self.json(new.hours ?? .standard)
        let status = new.status ?? .inService
        let row = try await database.write(conflict: "another station was added at the same moment; try again") {
            db in
            let next = (try await StationRow.query(on: db).max(\.$id) ?? 0) + 1
            let row = StationRow(id: next, name: name, status: status, cleaningBuffer: buffer, hours: hours)
            try await row.create(on: db)
            return row
        }
        guard let view = StationView(row) else { throw .notFound("the new station is unreadable") }
        return view
    }

    /// Changes a station: staff may change its status; an admin also its name, hours and buffer.
    /// Bookings already made keep their times (a station taken out of service is not offered).
    public func updateStation(_ caller: Caller, id: Int, _ change: StationChange) async throws(StudioError)
        -> StationView
    {
        try caller.requireStaff()
        if change.name != nil || change.hours != nil || change.cleaningBuffer != nil {
            guard caller.role == .admin else {
                throw .forbidden("staff can change a station's status; its name, hours and buffer are an admin's")
            }
        }
        let name = try change.name.map { name throws(StudioError) in try Self.checkStationName(name) }
        let buffer = try change.cleaningBuffer.map { minutes throws(StudioError) in try Self.checkBuffer(minutes) }
        let hours = change.hours.map { Self.json($0) }
        let row = try await database.write { db -> StationRow in
            guard let row = try await StationRow.find(id, on: db) else {
                throw StudioError.notFound("there is no station \(id); list them at /api/stations")
            }
            if let name { row.name = name }
            if let status = change.status { row.status = status.rawValue }
            if let buffer { row.cleaningBuffer = buffer }
            if let hours { row.hours = hours }
            try await row.update(on: db)
            return row
        }
        guard let view = StationView(row) else { throw .notFound("station \(id) is unreadable") }
        return view
    }

    static func checkStationName(_ name: String) throws(StudioError) -> String {
        let name = try PlainText.check(name, field: "name", what: "the station's name", most: 120)
        guard (1...60).contains(name.count) else {
            throw .invalid("name", "give the station a name of 1 to 60 characters")
        }
        return name
    }

    static func checkBuffer(_ minutes: Int) throws(StudioError) -> Int {
        guard (0...120).contains(minutes), minutes % BookingCellRow.minutes == 0 else {
            throw .invalid("cleaningBufferMinutes", "give 0 to 120 minutes in steps of 5, not \(minutes)")
        }
        return minutes
    }
}
