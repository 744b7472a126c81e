import Testing

@testable import Reporting

@Suite struct UTCTimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(951_782_400) * 1_000_000_000, "2000-02-29T00:00:00Z"),
        (Int64(1_796_464_800) * 1_000_000_000, "2026-12-05T10:00:00Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
        (Int64(4_102_444_799) * 1_000_000_000, "2099-12-31T23:59:59Z"),
    ])
    func seconds(_ nanoseconds: Int64, _ expected: String) {
        #expect(UTCTime.rfc3339Seconds(nanoseconds) == expected)
    }

    @Test func fractions() {
        #expect(UTCTime.rfc3339Microseconds(1_000_000_000_123_456_789) == "2001-09-09T01:46:40.123456Z")
        #expect(UTCTime.sentryPeer(1_000_000_000_000_000_007) == "2001-09-09 01:46:40.000000007")
        #expect(UTCTime.rfc3339Microseconds(-1) == "1969-12-31T23:59:59.999999Z")
    }
}
