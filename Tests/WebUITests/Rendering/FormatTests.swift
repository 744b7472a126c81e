import Storage
import Testing

@testable import WebUI

@Suite struct FormatTests {
    @Test func timesAreUTC() {
        // 2026-12-05 10:00:01.123 UTC.
        let ns: Int64 = 1_796_464_801_123_000_000
        #expect(Format.time(TraceTimestamp(nanosecondsSinceEpoch: ns)) == "2026-12-05 10:00:01.123")
        #expect(Format.time(TraceTimestamp(nanosecondsSinceEpoch: 0)) == "1970-01-01 00:00:00.000")
        #expect(Format.time(TraceTimestamp(nanosecondsSinceEpoch: -1_000_000)) == "1969-12-31 23:59:59.999")
    }

    @Test func sinceAcceptsDurationsAndDates() {
        let now = TraceTimestamp(secondsSinceEpoch: 1_000_000)
        #expect(Format.parseSince("1h", now: now) == TraceTimestamp(secondsSinceEpoch: 1_000_000 - 3_600))
        #expect(Format.parseSince("7d", now: now) == TraceTimestamp(secondsSinceEpoch: 1_000_000 - 604_800))
        #expect(Format.parseSince("2026-12-05T10:00", now: now) == TraceTimestamp(secondsSinceEpoch: 1_796_464_800))
        #expect(Format.parseSince("2026-13-05", now: now) == nil)
        #expect(Format.parseSince("1y", now: now) == nil)
        #expect(Format.parseSince("9999999999h", now: now) == nil)
        #expect(Format.parseSince("", now: now) == nil)
    }

    @Test func beliefsAndVerdictClasses() {
        #expect(Format.belief(0.926) == "0.93")
        #expect(Format.belief(1) == "1.00")
        #expect(Format.belief(.nan) == "?")
        #expect(Format.verdictClass("Crafted") == "crafted")
        #expect(Format.verdictClass("\"><script>") == "script")
        #expect(Format.verdictClass("") == "unknown")
    }

    @Test func rawTextShowsControlBytes() {
        let text = Format.rawText(Array("A\r\nB\u{1}\u{7F}".utf8) + [0xFF])
        #expect(text == "A\nB\\x01\\x7f\u{FFFD}")
    }
}

@Suite struct FormFieldsTests {
    @Test func decodesPlusAndPercent() {
        let fields = FormFields("a=1+2&b=%3Cscript%3E&c=&d=%ZZ&a=second")
        #expect(fields["a"] == "1 2")
        #expect(fields["b"] == "<script>")
        #expect(fields["c"] == nil)
        #expect(fields["d"] == "%ZZ")
    }

    @Test func boundsTheFieldCount() {
        let text = (0..<500).map { "f\($0)=x" }.joined(separator: "&")
        #expect(FormFields(text).fields.count == FormFields.maximumFields)
    }

    @Test func percentEncodingRoundTrips() {
        let value = "sip:100@h;x=\"<a>\" é&="
        #expect(FormFields("v=" + FormFields.percentEncoded(value))["v"] == value)
    }

    @Test func localLinksOnly() {
        #expect(Links.safeLocal("/traces?x=1") == "/traces?x=1")
        #expect(Links.safeLocal("//evil.example/") == "/")
        #expect(Links.safeLocal("https://evil.example/") == "/")
        #expect(Links.safeLocal("/\\evil") == "/")
        #expect(Links.safeLocal("/a\u{9}b") == "/")
        #expect(
            Links.query("/traces", [("source", "1.2.3.4"), ("q", nil), ("uri", "a b")])
                == "/traces?source=1.2.3.4&uri=a%20b"
        )
    }
}
