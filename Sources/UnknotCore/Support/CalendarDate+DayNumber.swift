extension CalendarDate {
    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days), the
    /// inverse of ``dayNumber``.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        // Always a real date, so the checked initialiser's failure cannot happen.
        self = CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
