import Testing

@testable import HoneyphoneApp

@Suite struct AlertThrottleTests {
    @Test func oneLinePerSourcePerIntervalWithTheSuppressedCount() {
        var throttle = AlertThrottle(interval: .seconds(60))
        let second: Int64 = 1_000_000_000
        #expect(throttle.shouldLog("10.0.0.1 Suspicious", now: 0) == (true, 0))
        for i in 1...99 {
            #expect(throttle.shouldLog("10.0.0.1 Suspicious", now: Int64(i) * second / 10).log == false)
        }
        #expect(throttle.shouldLog("10.0.0.2 Suspicious", now: 5 * second) == (true, 0))
        #expect(throttle.shouldLog("10.0.0.1 Suspicious", now: 61 * second) == (true, 99))
    }

    @Test func theTableStaysBounded() {
        var throttle = AlertThrottle(interval: .seconds(60))
        for i in 0..<(AlertThrottle.maximumSources * 3) {
            #expect(throttle.shouldLog("source-\(i)", now: 0).log)
        }
    }
}
