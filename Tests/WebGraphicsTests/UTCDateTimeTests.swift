import Testing

@testable import WebGraphics

@Suite struct UTCDateTimeTests {
    @Test func epoch() {
        let time = UTCDateTime(epochSeconds: 0)
        #expect(time == UTCDateTime.make(1970, 1, 1, 0, 0, 0))
        #expect(time.hourMinute == "00:00")
        #expect(time.monthDayHourMinute == "01-01 00:00")
        #expect(time.iso == "1970-01-01 00:00:00")
    }

    @Test(arguments: [
        // date -u -d @N
        (Int64(1_700_000_000), "2023-11-14 22:13:20"),
        (Int64(951_782_400), "2000-02-29 00:00:00"),
        (Int64(1_709_164_799), "2024-02-28 23:59:59"),
        (Int64(1_709_251_199), "2024-02-29 23:59:59"),
        (Int64(4_102_444_800), "2100-01-01 00:00:00"),
        (Int64(-1), "1969-12-31 23:59:59"),
        (Int64(-86_400 * 365), "1969-01-01 00:00:00"),
        (Int64(253_402_300_799), "9999-12-31 23:59:59"),
    ])
    func knownEpochs(_ seconds: Int64, _ expected: String) {
        #expect(UTCDateTime(epochSeconds: seconds).iso == expected)
    }

    @Test func labels() {
        let time = UTCDateTime(epochSeconds: 1_700_000_000)
        #expect(time.hourMinute == "22:13")
        #expect(time.monthDayHourMinute == "11-14 22:13")
    }

    @Test func extremesDoNotTrap() {
        let low = UTCDateTime(epochSeconds: .min)
        let high = UTCDateTime(epochSeconds: .max)
        #expect((1...12).contains(low.month) && (1...31).contains(low.day) && (0...23).contains(low.hour))
        #expect((1...12).contains(high.month) && (1...31).contains(high.day) && (0...59).contains(high.second))
        #expect(low.year < 0 && high.year > 1_000_000)
    }
}

extension UTCDateTime {
    static func make(_ year: Int64, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> UTCDateTime
    {
        var time = UTCDateTime(epochSeconds: 0)
        time.year = year
        time.month = month
        time.day = day
        time.hour = hour
        time.minute = minute
        time.second = second
        return time
    }
}
