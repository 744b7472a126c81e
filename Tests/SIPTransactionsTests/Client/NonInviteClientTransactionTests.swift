import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Scripted scenarios for the non-INVITE client transaction (RFC 3261 Figure 6).
@Suite struct NonInviteClientTransactionTests {
    let register: SIPMessage

    init() throws {
        self.register = try Fixtures.request(.register, branch: "z9hG4bKreg1", sentBy: "192.0.2.50:5060")
    }

    @Test func requestOverUDPIsRetransmittedByTimerECappedAtT2UntilTimerF() {
        var machine = NonInviteClientTransaction()
        var clock = VirtualScheduler<Solo>()
        let actions = machine.send(request: self.register)
        #expect(
            actions
                == [
                    .send(self.register.messageBytes), .startTimer(.e, after: .ms(500)),
                    .startTimer(.f, after: .seconds(32)),
                ]
        )
        clock.perform(actions)
        clock.run(until: .seconds(40)) { machine.timerFired($0) }

        // 0.5, 1, 2, 4, 4, 4 … s.
        let expected = [0, 500, 1_500, 3_500, 7_500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500].map {
            Duration.ms($0)
        }
        #expect(clock.sendTimes == expected)
        #expect(clock.actions(of: .machine, since: .seconds(32)) == [.cancelTimer(.e), .timeout, .terminate])
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func provisionalResponseMovesTimerEToT2() throws {
        var machine = NonInviteClientTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.send(request: self.register))
        clock.run(until: .ms(1_000)) { machine.timerFired($0) }
        let trying = try Fixtures.parsedResponse(to: self.register, 100, "Trying", toTag: nil)
        #expect(machine.received(trying) == [.deliverToTU(trying)])
        #expect(machine.phase == .proceeding)
        // E was due at 1.5 s (interval 1 s); from then on it fires every T2.
        clock.run(until: .ms(10_000)) { machine.timerFired($0) }
        #expect(clock.sendTimes == [0, 500, 1_500, 5_500, 9_500].map { .ms($0) })

        let ok = try Fixtures.parsedResponse(to: self.register, 200, "OK")
        let actions = machine.received(ok)
        #expect(actions == [.cancelTimer(.e), .cancelTimer(.f), .startTimer(.k, after: .seconds(5)), .deliverToTU(ok)])
        clock.perform(actions)
        #expect(machine.received(ok) == [.ignore(.retransmission)])
        #expect(machine.received(trying) == [.ignore(.unexpectedMessage)])
        clock.run(until: .seconds(20)) { machine.timerFired($0) }
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func reliableTransportHasNoTimerEAndAZeroTimerK() throws {
        var machine = NonInviteClientTransaction(timers: SIPTimerConfiguration(reliable: true))
        #expect(
            machine.send(request: self.register) == [
                .send(self.register.messageBytes), .startTimer(.f, after: .seconds(32)),
            ]
        )
        let ok = try Fixtures.parsedResponse(to: self.register, 200, "OK")
        #expect(machine.received(ok) == [.cancelTimer(.f), .startTimer(.k, after: .zero), .deliverToTU(ok)])
        #expect(machine.timerFired(.e) == [.ignore(.staleTimer)])
        #expect(machine.timerFired(.k) == [.terminate])
    }

    @Test func onlyANonInviteRequestWithABranchStartsIt() throws {
        var machine = NonInviteClientTransaction()
        #expect(machine.send(request: try Fixtures.request(.invite)) == [.ignore(.notAllowedInState)])
        #expect(machine.send(request: try Fixtures.request(.ack)) == [.ignore(.notAllowedInState)])
        #expect(machine.send(request: try Fixtures.request(.bye, branch: nil)) == [.ignore(.notAllowedInState)])
        #expect(machine.phase == .idle)
    }

    @Test func transportFailureAndAbandon() throws {
        var trying = NonInviteClientTransaction()
        _ = trying.send(request: self.register)
        #expect(trying.transportFailed() == [.cancelTimer(.e), .cancelTimer(.f), .transportError, .terminate])

        var proceeding = NonInviteClientTransaction(timers: SIPTimerConfiguration(reliable: true))
        _ = proceeding.send(request: self.register)
        _ = proceeding.received(try Fixtures.parsedResponse(to: self.register, 100, "Trying", toTag: nil))
        #expect(proceeding.abandon() == [.cancelTimer(.f), .terminate])
        #expect(proceeding.retainedByteCount == 0)
    }
}
