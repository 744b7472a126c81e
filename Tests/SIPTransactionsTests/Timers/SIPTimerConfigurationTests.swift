import SIPTransactions
import Testing

/// Timer values (RFC 3261 Table 4, RFC 6026).
@Suite struct SIPTimerConfigurationTests {
    @Test func defaultsAreRFC3261Values() {
        let timers = SIPTimerConfiguration.default
        #expect(timers.t1 == .milliseconds(500))
        #expect(timers.t2 == .seconds(4))
        #expect(timers.t4 == .seconds(5))
        #expect(timers.tryingDelay == .milliseconds(200))
        #expect(!timers.reliable)
        #expect(timers.transactionTimeout == .seconds(32))
        #expect(timers.initialRetransmitInterval == .milliseconds(500))
        #expect(timers.timerD == .seconds(32))
        #expect(timers.timerI == .seconds(5))
        #expect(timers.timerJ == .seconds(32))
        #expect(timers.timerK == .seconds(5))
    }

    @Test func reliableTransportZeroesTheWaitTimers() {
        let timers = SIPTimerConfiguration.default.with(reliable: true)
        #expect(timers.initialRetransmitInterval == nil)
        #expect(timers.timerD == .zero)
        #expect(timers.timerI == .zero)
        #expect(timers.timerJ == .zero)
        #expect(timers.timerK == .zero)
        #expect(timers.transactionTimeout == .seconds(32))
    }

    @Test func timerDOutlivesTheServerTimerHForALargeT1() {
        let timers = SIPTimerConfiguration(t1: .seconds(1))
        #expect(timers.transactionTimeout == .seconds(64))
        #expect(timers.timerD == .seconds(64))
    }

    @Test func aZeroT1CannotMakeATimerSpin() {
        let timers = SIPTimerConfiguration(t1: .zero)
        #expect(timers.initialRetransmitInterval == .milliseconds(1))
        #expect(timers.transactionTimeout == .milliseconds(64))
    }

    @Test func timersHaveTheirRFCNames() {
        #expect(SIPTimer.g.description == "Timer G")
        #expect(SIPTimer.trying.description == "100 Trying")
        #expect(SIPTimer.allCases.count == 13)
    }
}
