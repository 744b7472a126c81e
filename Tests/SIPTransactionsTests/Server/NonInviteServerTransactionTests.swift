import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Scripted scenarios for the non-INVITE server transaction (RFC 3261 Figure 8).
@Suite struct NonInviteServerTransactionTests {
    let options: SIPMessage

    init() throws {
        self.options = try Fixtures.request(.options)
    }

    @Test func requestReachesTheTUAndRetransmissionsInTryingAreAbsorbed() {
        var machine = NonInviteServerTransaction()
        #expect(machine.received(self.options) == [.deliverToTU(self.options)])
        #expect(machine.phase == .trying)
        #expect(machine.received(self.options) == [.ignore(.retransmission)])
        #expect(machine.received(self.options) == [.ignore(.retransmission)])
    }

    @Test func finalResponseIsResentForEveryRetransmissionUntilTimerJ() {
        var machine = NonInviteServerTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.received(self.options))
        let ok = Fixtures.response(to: self.options, 200, "OK")
        let actions = machine.send(response: ok, status: 200)
        #expect(actions == [.send(ok), .startTimer(.j, after: .seconds(32))])
        clock.perform(actions)

        // The client's Timer E retransmissions at 0.5, 1.5, 3.5 s each get the same bytes back.
        for time in [500, 1_500, 3_500] {
            clock.run(until: .ms(time)) { machine.timerFired($0) }
            let resent = machine.received(self.options)
            #expect(resent == [.send(ok)])
            clock.perform(resent)
        }
        #expect(clock.sendTimes == [.zero, .ms(500), .ms(1_500), .ms(3_500)])
        // §17.2.2: later final responses from the TU are discarded.
        #expect(
            machine.send(response: Fixtures.response(to: self.options, 500, "Oops"), status: 500) == [
                .ignore(.notAllowedInState)
            ]
        )

        clock.run(until: .seconds(31)) { machine.timerFired($0) }
        #expect(machine.phase == .completed)
        clock.run(until: .seconds(40)) { machine.timerFired($0) }
        #expect(clock.actions(of: .machine, since: .seconds(31)) == [.terminate])
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func provisionalResponseIsResentInProceeding() {
        var machine = NonInviteServerTransaction()
        _ = machine.received(self.options)
        let trying = Fixtures.response(to: self.options, 100, "Trying", toTag: nil)
        #expect(machine.send(response: trying, status: 100) == [.send(trying)])
        #expect(machine.phase == .proceeding)
        #expect(machine.received(self.options) == [.send(trying)])
        let ok = Fixtures.response(to: self.options, 200, "OK")
        #expect(machine.send(response: ok, status: 200) == [.send(ok), .startTimer(.j, after: .seconds(32))])
        #expect(machine.received(self.options) == [.send(ok)])
    }

    @Test func reliableTransportHasAZeroTimerJ() {
        var machine = NonInviteServerTransaction(timers: SIPTimerConfiguration(reliable: true))
        _ = machine.received(self.options)
        let ok = Fixtures.response(to: self.options, 200, "OK")
        #expect(machine.send(response: ok, status: 200) == [.send(ok), .startTimer(.j, after: .zero)])
        #expect(machine.timerFired(.j) == [.terminate])
    }

    @Test func transportFailureTerminates() {
        var proceeding = NonInviteServerTransaction()
        _ = proceeding.received(self.options)
        #expect(proceeding.transportFailed() == [.ignore(.notAllowedInState)])
        _ = proceeding.send(response: Fixtures.response(to: self.options, 183, "Progress"), status: 183)
        #expect(proceeding.transportFailed() == [.transportError, .terminate])
        #expect(proceeding.isTerminated)

        var completed = NonInviteServerTransaction()
        _ = completed.received(self.options)
        _ = completed.send(response: Fixtures.response(to: self.options, 404, "Not Found"), status: 404)
        #expect(completed.transportFailed() == [.cancelTimer(.j), .transportError, .terminate])
    }

    @Test func misbehaviourAndStaleEventsAreIgnored() throws {
        var machine = NonInviteServerTransaction()
        let invite = try Fixtures.request(.invite)
        let response = try Fixtures.parsedResponse(to: self.options, 200, "OK")
        #expect(machine.received(invite) == [.ignore(.unexpectedMessage)])
        #expect(machine.received(response) == [.ignore(.unexpectedMessage)])
        #expect(
            machine.send(response: Fixtures.response(to: self.options, 200, "OK"), status: 200) == [
                .ignore(.notAllowedInState)
            ]
        )
        _ = machine.received(self.options)
        #expect(machine.timerFired(.j) == [.ignore(.staleTimer)])
        #expect(machine.phase == .trying)
    }

    @Test func abandonLetsTheHoneypotStaySilent() {
        var machine = NonInviteServerTransaction()
        _ = machine.received(self.options)
        #expect(machine.abandon() == [.terminate])
        #expect(machine.received(self.options) == [.ignore(.retransmission)])
        #expect(machine.abandon() == [.ignore(.notAllowedInState)])
    }
}
