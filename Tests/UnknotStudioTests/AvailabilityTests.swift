import PropertyBased
import Testing
import UnknotCore
import UnknotStudio

/// The availability search: opening hours, the cleaning buffer, bookings, the past.
@Suite("Availability")
struct AvailabilityTests {
    /// Monday 2026-11-23.
    static let monday = CalendarDate(year: 2026, month: 11, day: 23)!
    static var day: Int { StudioTime(monday, 0).day }

    @Test("An empty Monday: 9:00 to the last start that ends, with its buffer, by 20:00")
    func emptyDay() throws {
        let search = try AvailabilitySearch()
        let slots = try search.slots(
            minutes: 60, stations: [.init(id: 1)], days: Self.day...Self.day, now: StudioTime(minutes: 0))
        #expect(slots.first?.start == StudioTime(Self.monday, 9))
        // 60 minutes + 10 of cleaning must fit before 20:00: the last start on the grid is 18:45.
        #expect(slots.last?.start == StudioTime(Self.monday, 18, 45))
        #expect(slots.count == (18 * 60 + 45 - 9 * 60) / 15 + 1)
    }

    @Test("The cleaning buffer around a booking is never offered")
    func buffer() throws {
        let search = try AvailabilitySearch()
        let booked = StudioTime(Self.monday, 12)..<StudioTime(Self.monday, 13)
        let slots = try search.slots(
            minutes: 30, stations: [.init(id: 1, bookings: [booked])], days: Self.day...Self.day,
            now: StudioTime(minutes: 0))
        let starts = Set(slots.map { $0.start })
        // Before: 11:15 + 30 + 10 = 11:55 fits; 11:30 + 40 = 12:10 does not.
        #expect(starts.contains(StudioTime(Self.monday, 11, 15)))
        #expect(!starts.contains(StudioTime(Self.monday, 11, 30)))
        // After: the booking ends 13:00, cleaning until 13:10; the next start on the grid is 13:15.
        #expect(!starts.contains(StudioTime(Self.monday, 13)))
        #expect(starts.contains(StudioTime(Self.monday, 13, 15)))
    }

    @Test("Stations out of service, Sunday hours and the past are respected")
    func serviceHoursAndPast() throws {
        let search = try AvailabilitySearch()
        let sunday = Self.day + 6
        let now = StudioTime(Self.monday, 14, 5)
        let slots = try search.slots(
            minutes: 45, stations: [.init(id: 1), .init(id: 2, inService: false)], days: Self.day...sunday, now: now)
        #expect(slots.allSatisfy { $0.station == 1 })
        #expect(slots.allSatisfy { $0.start >= now })
        #expect(slots.first?.start == StudioTime(Self.monday, 14, 15))
        let sundays = slots.filter { $0.start.day == sunday }
        #expect(sundays.first?.start.minuteOfDay == 10 * 60)
        #expect(sundays.last.map { $0.start.minuteOfDay + 45 + 10 <= 16 * 60 } == true)
    }

    @Test("Bad searches and bad hours are refused with what to change")
    func errors() {
        #expect(throws: BookingError.self) { try AvailabilitySearch(cleaningBuffer: -5) }
        #expect(throws: BookingError.self) { try AvailabilitySearch(grid: 7) }
        #expect(throws: BookingError.self) { try OpeningHours([7: [540..<600]]) }
        #expect(throws: BookingError.self) { try OpeningHours([0: [600..<1_500]]) }
        #expect(throws: BookingError.self) {
            try AvailabilitySearch().slots(minutes: 30, stations: [], days: 0...100, now: StudioTime(minutes: 0))
        }
    }

    @Test("Random bookings: every slot offered is bookable, and every bookable start is offered")
    func matchesDefinition() async {
        await propertyCheck(count: 60, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let minutes = [15, 30, 45, 60, 90].randomElement(using: &rng)!
            let buffer = Int.random(in: 0...20, using: &rng)
            guard let search = try? AvailabilitySearch(cleaningBuffer: buffer) else { return }
            var stations: [AvailabilitySearch.Station] = []
            for id in 0..<3 {
                var bookings: [Range<StudioTime>] = []
                for _ in 0..<Int.random(in: 0...6, using: &rng) {
                    let start = StudioTime(
                        minutes: (Self.day + Int.random(in: 0...2, using: &rng)) * 1_440
                            + Int.random(in: 480...1_200, using: &rng))
                    bookings.append(start..<(start + [15, 30, 60, 90].randomElement(using: &rng)!))
                }
                stations.append(.init(id: id, inService: Int.random(in: 0...5, using: &rng) > 0, bookings: bookings))
            }
            let now = StudioTime(minutes: Self.day * 1_440 + Int.random(in: 0...1_440, using: &rng))
            guard
                let slots = try? search.slots(
                    minutes: minutes, stations: stations, days: Self.day...(Self.day + 2), now: now)
            else {
                Issue.record("the search should run")
                return
            }
            // The definition, checked directly for every start on the grid.
            var expected: Set<AvailabilitySearch.Slot> = []
            for station in stations where station.inService {
                for day in Self.day...(Self.day + 2) {
                    let weekday = StudioTime(minutes: day * 1_440).weekday
                    for open in station.hours.days[weekday] {
                        for minute in stride(from: 0, to: 1_440, by: 15)
                        where minute >= open.lowerBound && minute + minutes + buffer <= open.upperBound {
                            let t = day * 1_440 + minute
                            let clear = station.bookings.allSatisfy {
                                t + minutes + buffer <= $0.lowerBound.minutes || t >= $0.upperBound.minutes + buffer
                            }
                            if clear, t >= now.minutes {
                                expected.insert(.init(station: station.id, start: StudioTime(minutes: t)))
                            }
                        }
                    }
                }
            }
            #expect(Set(slots) == expected)
            #expect(slots == slots.sorted())
        }
    }
}
