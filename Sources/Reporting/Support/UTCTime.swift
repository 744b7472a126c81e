/// Calendar arithmetic for UTC timestamps without Foundation or a clock: the civil date of a day count
/// (Howard Hinnant's `civil_from_days`), exact for the whole range of ``Int64`` nanoseconds.
package enum UTCTime {
    /// The calendar fields of a point in time.
    package struct Fields: Sendable, Hashable {
        package var year: Int64
        package var month: Int
        package var day: Int
        package var hour: Int
        package var minute: Int
        package var second: Int
        /// Nanoseconds within the second.
        package var nanosecond: Int
    }

    /// The UTC fields of `nanosecondsSinceEpoch`.
    package static func fields(nanosecondsSinceEpoch: Int64) -> Fields {
        var (seconds, nanos) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        }
        var (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(
            year: year,
            month: Int(month),
            day: Int(day),
            hour: Int(secondOfDay / 3_600),
            minute: Int(secondOfDay % 3_600 / 60),
            second: Int(secondOfDay % 60),
            nanosecond: Int(nanos)
        )
    }

    /// `2026-12-05T10:00:00Z` (RFC 3339, whole seconds).
    package static func rfc3339Seconds(_ nanosecondsSinceEpoch: Int64) -> String {
        let f = Self.fields(nanosecondsSinceEpoch: nanosecondsSinceEpoch)
        return Self.date(f) + "T" + Self.time(f) + "Z"
    }

    /// `2026-12-05T10:00:00.123456Z` (RFC 3339 with microseconds: RFC 5424 §6.2.3 allows at most six digits).
    package static func rfc3339Microseconds(_ nanosecondsSinceEpoch: Int64) -> String {
        let f = Self.fields(nanosecondsSinceEpoch: nanosecondsSinceEpoch)
        return Self.date(f) + "T" + Self.time(f) + "." + Self.padded(f.nanosecond / 1_000, 6) + "Z"
    }

    /// `2026-12-05 10:00:00.123456789`: SentryPeer's `event_timestamp` layout (date, space, time, nine
    /// fractional digits), in UTC.
    package static func sentryPeer(_ nanosecondsSinceEpoch: Int64) -> String {
        let f = Self.fields(nanosecondsSinceEpoch: nanosecondsSinceEpoch)
        return Self.date(f) + " " + Self.time(f) + "." + Self.padded(f.nanosecond, 9)
    }

    private static func date(_ f: Fields) -> String {
        let year = f.year < 0 ? "-" + Self.padded(Int(-f.year), 4) : Self.padded(Int(f.year), 4)
        return year + "-" + Self.padded(f.month, 2) + "-" + Self.padded(f.day, 2)
    }

    private static func time(_ f: Fields) -> String {
        Self.padded(f.hour, 2) + ":" + Self.padded(f.minute, 2) + ":" + Self.padded(f.second, 2)
    }

    package static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
