/// Free slots for a session of a given length: on stations in service, within opening hours
/// (the session and its cleaning buffer must end by closing), never overlapping a booking or
/// the cleaning buffer after it, never in the past, starting on a 15-minute grid.
///
/// Guarantees: every slot returned is bookable under those rules, and every start on the grid
/// that is bookable is returned (a property test holds both); time is linear in stations × days
/// × starts, with a binary search of each station's bookings.
public struct AvailabilitySearch: Sendable {
    /// A station as the search sees it.
    public struct Station: Hashable, Sendable {
        public var id: Int
        public var inService: Bool
        public var hours: OpeningHours
        /// Bookings (start ..< end of the session, without the buffer), any order.
        public var bookings: [Range<StudioTime>]

        public init(
            id: Int, inService: Bool = true, hours: OpeningHours = .standard, bookings: [Range<StudioTime>] = []
        ) {
            self.id = id
            self.inService = inService
            self.hours = hours
            self.bookings = bookings
        }
    }

    /// A bookable start on a station.
    public struct Slot: Hashable, Sendable, Comparable {
        public var station: Int
        public var start: StudioTime

        public init(station: Int, start: StudioTime) {
            self.station = station
            self.start = start
        }

        public static func < (a: Slot, b: Slot) -> Bool { (a.start, a.station) < (b.start, b.station) }
    }

    /// Minutes kept free after each session for cleaning (never offered as a slot).
    public var cleaningBuffer: Int
    /// The grid starts fall on, minutes.
    public var grid: Int

    public init(cleaningBuffer: Int = 10, grid: Int = 15) throws(BookingError) {
        guard (0...120).contains(cleaningBuffer) else {
            throw .badSearch("a cleaning buffer of \(cleaningBuffer) minutes is not 0 to 120")
        }
        guard (5...60).contains(grid), 60 % grid == 0 else {
            throw .badSearch("a grid of \(grid) minutes does not divide the hour")
        }
        self.cleaningBuffer = cleaningBuffer
        self.grid = grid
    }

    /// Free slots for `minutes` on each day from `first` through `last` (studio days), none
    /// starting before `now`, in time order.
    public func slots(
        minutes: Int, stations: [Station], days: ClosedRange<Int>, now: StudioTime
    ) throws(BookingError) -> [Slot] {
        guard (5...240).contains(minutes) else { throw .badSearch("a session of \(minutes) minutes is not 5 to 240") }
        guard days.count <= 62 else { throw .badSearch("search at most 62 days at a time, not \(days.count)") }
        var slots: [Slot] = []
        let need = minutes + cleaningBuffer
        for station in stations where station.inService {
            // Each booking blocks [start - need + 1, end + buffer): a start there would collide.
            let blocked = station.bookings.map {
                ($0.lowerBound.minutes - need, $0.upperBound.minutes + cleaningBuffer)
            }
            .sorted { $0.0 < $1.0 }
            // Running maximum of ends, for the binary search to answer "does anything cover t?".
            var reach: [Int] = []
            reach.reserveCapacity(blocked.count)
            for b in blocked { reach.append(max(reach.last ?? Int.min, b.1)) }
            func free(_ t: Int) -> Bool {
                // The last blocked range starting before t (a start exactly at start - need is fine).
                var low = 0
                var high = blocked.count
                while low < high {
                    let mid = (low + high) / 2
                    if blocked[mid].0 < t { low = mid + 1 } else { high = mid }
                }
                return low == 0 || reach[low - 1] <= t
            }
            for day in days {
                for open in station.hours.days[StudioTime.weekday(ofDay: day)] {
                    var minute = (open.lowerBound + grid - 1) / grid * grid
                    while minute + need <= open.upperBound {
                        let t = day * 1_440 + minute
                        if t >= now.minutes, free(t) {
                            slots.append(Slot(station: station.id, start: StudioTime(minutes: t)))
                        }
                        minute += grid
                    }
                }
            }
        }
        slots.sort()
        return slots
    }
}
