/// A UTC calendar date and time of day computed from seconds since the Unix epoch, without Foundation.
///
/// The proleptic Gregorian calendar, no leap seconds (like POSIX time), for every `Int64` (the day count uses
/// Howard Hinnant's `civil_from_days`).
public struct UTCDateTime: Sendable, Hashable {
    /// The year (may be zero or negative far before the epoch).
    public var year: Int64
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int
    /// The second, 0...59.
    public var second: Int

    /// The UTC date and time `epochSeconds` seconds after 1970-01-01T00:00:00Z.
    public init(epochSeconds: Int64) {
        let (quotient, remainder) = epochSeconds.quotientAndRemainder(dividingBy: 86_400)
        let days = remainder < 0 ? quotient - 1 : quotient
        let secondOfDay = Int(remainder < 0 ? remainder + 86_400 : remainder)
        self.hour = secondOfDay / 3600
        self.minute = secondOfDay % 3600 / 60
        self.second = secondOfDay % 60
        // civil_from_days: eras of 400 years (146,097 days) starting on 0000-03-01.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        self.day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        self.month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        self.year = yearOfEra + era * 400 + (self.month <= 2 ? 1 : 0)
    }

    /// `HH:MM`, e.g. `09:05`.
    public var hourMinute: String {
        Self.twoDigits(self.hour) + ":" + Self.twoDigits(self.minute)
    }

    /// `MM-DD HH:MM`, e.g. `03-14 09:05`.
    public var monthDayHourMinute: String {
        Self.twoDigits(self.month) + "-" + Self.twoDigits(self.day) + " " + self.hourMinute
    }

    /// `YYYY-MM-DD HH:MM:SS`, e.g. `2024-03-14 09:05:00` (the year with at least four digits).
    public var iso: String {
        let digits = String(self.year.magnitude)
        let year = (self.year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year + "-" + self.monthDayHourMinute.prefix(5) + " " + self.hourMinute + ":"
            + Self.twoDigits(self.second)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
