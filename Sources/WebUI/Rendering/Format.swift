public import Storage

/// How the interface writes times, beliefs and message summaries (all UTC, no locale).
public enum Format {
    /// `2026-12-05 10:00:01.123` (UTC).
    public static func time(_ timestamp: TraceTimestamp) -> String {
        let ns = timestamp.nanosecondsSinceEpoch
        var seconds = ns / 1_000_000_000
        var millis = (ns % 1_000_000_000) / 1_000_000
        if millis < 0 {
            millis += 1_000
            seconds -= 1
        }
        let (date, clock) = Self.civil(seconds)
        return date + " " + clock + "." + Self.pad(Int(millis), 3)
    }

    /// `2026-12-05 10:00` (UTC) from epoch seconds.
    public static func minute(_ seconds: Int64) -> String {
        let (date, clock) = Self.civil(seconds)
        return date + " " + String(clock.prefix(5))
    }

    /// A belief as `0.93`.
    public static func belief(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        return hundredths == 100 ? "1.00" : "0." + Self.pad(hundredths, 2)
    }

    /// A number with two decimals (λ values, durations).
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let scaled = Int64((abs(value) * 100).rounded())
        return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / 100)." + Self.pad(Int(scaled % 100), 2)
    }

    /// The CSS class of a verdict state: its lowercase ASCII letters only (`Normal` → `normal`).
    public static func verdictClass(_ state: String) -> String {
        let letters = state.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }
        return letters.isEmpty ? "unknown" : String(String.UnicodeScalarView(letters.prefix(24)))
    }

    /// `INVITE sip:100@host` or `200 OK` or `unparsed (code)`.
    public static func summary(_ record: TraceRecord) -> String {
        let s = record.summary
        switch s.kind {
        case .request: return [s.method, s.requestURI].compactMap { $0 }.joined(separator: " ")
        case .response:
            return [s.statusCode.map { "\($0)" }, s.reasonPhrase].compactMap { $0 }.joined(separator: " ")
                + (s.cseqMethod.map { " (\($0))" } ?? "")
        case .unparsed: return "unparsed" + (s.parseErrorCode.map { " (\($0))" } ?? "")
        }
    }

    /// `address:port`, IPv6 in brackets.
    public static func endpoint(_ endpoint: TraceEndpoint) -> String {
        endpoint.address.contains(":")
            ? "[\(endpoint.address)]:\(endpoint.port)" : "\(endpoint.address):\(endpoint.port)"
    }

    /// The bytes as text for display: UTF-8 with invalid sequences replaced, control characters other than tab,
    /// CR and LF shown as `\xNN`, at most `limit` bytes.
    public static func rawText(_ bytes: [UInt8], limit: Int = 65_536) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\r" { continue }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        if bytes.count > limit { result += "\n… \(bytes.count - limit) more bytes" }
        return result
    }

    /// Parses a time filter: `30m`, `1h`, `24h`, `7d` (ago from `now`), or `YYYY-MM-DD[THH:MM[:SS]]` (UTC).
    public static func parseSince(_ text: String?, now: TraceTimestamp) -> TraceTimestamp? {
        guard let text = text?.trimmingASCIISpaces, !text.isEmpty, text.utf8.count <= 32 else { return nil }
        if let unit = text.last, "smhd".contains(unit), let amount = Int64(text.dropLast()), amount >= 0,
            amount < 100_000
        {
            let seconds: Int64 = ["s": 1, "m": 60, "h": 3_600, "d": 86_400][unit]! * amount
            return TraceTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch - seconds * 1_000_000_000)
        }
        let digits = text.split(whereSeparator: { "-T: ".contains($0) }).map { Int64($0) }
        guard digits.count >= 3, digits.count <= 6, !digits.contains(nil) else { return nil }
        let v = digits.map { $0! }
        guard (1970...9999).contains(v[0]), (1...12).contains(v[1]), (1...31).contains(v[2]) else { return nil }
        let hour = v.count > 3 ? v[3] : 0
        let minute = v.count > 4 ? v[4] : 0
        let second = v.count > 5 ? v[5] : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        let days = Self.daysFromCivil(year: v[0], month: v[1], day: v[2])
        return TraceTimestamp(secondsSinceEpoch: days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    static func civil(_ seconds: Int64) -> (String, String) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let date = "\(year)-" + Self.pad(Int(month), 2) + "-" + Self.pad(Int(day), 2)
        let clock =
            Self.pad(Int(rest / 3_600), 2) + ":" + Self.pad(Int(rest % 3_600 / 60), 2) + ":"
            + Self.pad(Int(rest % 60), 2)
        return (date, clock)
    }

    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
