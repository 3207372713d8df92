/// A station as staff see it.
public struct StationView: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var status: StationStatus
    /// Minutes kept free after each session for cleaning; never offered as a slot.
    public var cleaningBuffer: Int
    public var hours: OpeningHours

    init?(_ row: StationRow) {
        guard let id = row.id, let status = StationStatus(rawValue: row.status),
            let hours = Studio.decode(OpeningHours.self, row.hours)
        else { return nil }
        self.id = id
        self.name = row.name
        self.status = status
        self.cleaningBuffer = row.cleaningBuffer
        self.hours = hours
    }
}

/// A new station, or what changes about one (`nil`: unchanged, or the default for a new one).
public struct StationChange: Sendable, Hashable {
    public var name: String?
    public var status: StationStatus?
    public var cleaningBuffer: Int?
    public var hours: OpeningHours?

    public init(
        name: String? = nil, status: StationStatus? = nil, cleaningBuffer: Int? = nil, hours: OpeningHours? = nil
    ) {
        self.name = name
        self.status = status
        self.cleaningBuffer = cleaningBuffer
        self.hours = hours
    }
}
