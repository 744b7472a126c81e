import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Scripted scenarios for the INVITE server transaction (RFC 3261 Figure 7 with RFC 6026 Accepted).
@Suite struct InviteServerTransactionTests {
    let invite: SIPMessage
    let ack: SIPMessage

    init() throws {
        self.invite = try Fixtures.request(.invite, extra: [.init("Timestamp", "54.3")])
        self.ack = try Fixtures.request(.ack, cseqMethod: .ack, toTag: "as83kd9bs")
    }

    @Test func inviteStartsTheTryingTimerAndReachesTheTU() {
        var machine = InviteServerTransaction()
        #expect(machine.phase == .idle)
        #expect(machine.received(self.invite) == [.startTimer(.trying, after: .ms(200)), .deliverToTU(self.invite)])
        #expect(machine.phase == .proceeding)
    }

    @Test func busyOverUDPRetransmitsWithTimerGUntilTimerH() {
        var machine = InviteServerTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.received(self.invite))
        clock.run(until: .ms(100)) { machine.timerFired($0) }
        let busy = Fixtures.response(to: self.invite, 486, "Busy Here")
        let actions = machine.send(response: busy, status: 486)
        #expect(
            actions
                == [
                    .cancelTimer(.trying), .send(busy), .startTimer(.g, after: .ms(500)),
                    .startTimer(.h, after: .seconds(32)),
                ]
        )
        clock.perform(actions)
        #expect(machine.phase == .completed)

        clock.run(until: .seconds(40)) { machine.timerFired($0) }

        // The 486 at 0.1 s, then Timer G at 0.5, 1, 2, 4, 4, 4 … s intervals until H at 0.1 + 32 s.
        let expected: [Duration] = [100, 600, 1_600, 3_600, 7_600, 11_600, 15_600, 19_600, 23_600, 27_600, 31_600].map {
            .ms($0)
        }
        #expect(clock.sendTimes == expected)
        #expect(clock.actions(of: .machine, since: .ms(32_100)) == [.cancelTimer(.g), .timeout, .terminate])
        #expect(machine.isTerminated)
        #expect(clock.pending.isEmpty)
        #expect(clock.violations.isEmpty)
    }

    @Test func ackMovesToConfirmedAndTimerIEndsIt() {
        var machine = InviteServerTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.received(self.invite))
        let busy = Fixtures.response(to: self.invite, 486, "Busy Here")
        clock.perform(machine.send(response: busy, status: 486))
        clock.run(until: .ms(700)) { machine.timerFired($0) }
        #expect(clock.sendTimes == [.zero, .ms(500)])

        let actions = machine.received(self.ack)
        #expect(actions == [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, after: .seconds(5))])
        clock.perform(actions)
        #expect(machine.phase == .confirmed)
        // Confirmed absorbs the ACK retransmissions triggered by responses still in flight, and late INVITEs.
        #expect(machine.received(self.ack) == [.ignore(.retransmission)])
        #expect(machine.received(self.invite) == [.ignore(.retransmission)])

        clock.run(until: .seconds(10)) { machine.timerFired($0) }
        #expect(clock.actions(of: .machine, since: .ms(5_700)) == [.terminate])
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func retransmittedInviteGetsTheFinalResponseAgainInCompleted() {
        var machine = InviteServerTransaction()
        _ = machine.received(self.invite)
        let busy = Fixtures.response(to: self.invite, 486, "Busy Here")
        _ = machine.send(response: busy, status: 486)
        #expect(machine.received(self.invite) == [.send(busy)])
        #expect(
            machine.send(response: Fixtures.response(to: self.invite, 500, "Oops"), status: 500) == [
                .ignore(.notAllowedInState)
            ]
        )
    }

    @Test func tryingTimerSendsA100BuiltFromTheInvite() throws {
        var machine = InviteServerTransaction(tryingHeaders: [.init("Server", "Asterisk PBX 18.2.0")])
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.received(self.invite))
        // A retransmission before any provisional response has nothing to resend.
        #expect(machine.received(self.invite) == [.ignore(.retransmission)])
        clock.run(until: .seconds(1)) { machine.timerFired($0) }

        guard case .send(let bytes) = clock.log.last?.action else {
            Issue.record("no 100 Trying sent")
            return
        }
        #expect(clock.sendTimes == [.ms(200)])
        let trying = try SIPMessageParser.parseDatagram(bytes)
        #expect(trying.statusCode == 100)
        #expect(trying.reasonPhrase == "Trying")
        #expect(trying.to?.tag == nil)
        #expect(trying.vias.first?.branch == "z9hG4bK776asdhds")
        #expect(trying.callID == Fixtures.callID)
        #expect(trying.cseq == SIPCSeq(sequence: 314_159, method: .invite))
        #expect(trying.firstValue(.timestamp) == "54.3")
        #expect(trying.server == "Asterisk PBX 18.2.0")

        // Proceeding now resends the 100 for a retransmitted INVITE, and the TU's 180 replaces it.
        #expect(machine.received(self.invite) == [.send(bytes)])
        let ringing = Fixtures.response(to: self.invite, 180, "Ringing")
        #expect(machine.send(response: ringing, status: 180) == [.send(ringing)])
        #expect(machine.received(self.invite) == [.send(ringing)])
        #expect(machine.timerFired(.trying) == [.ignore(.staleTimer)])
    }

    @Test func okGoesThroughAcceptedUntilTimerL() {
        var machine = InviteServerTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.received(self.invite))
        let ringing = Fixtures.response(to: self.invite, 180, "Ringing")
        let ringingActions = machine.send(response: ringing, status: 180)
        #expect(ringingActions == [.cancelTimer(.trying), .send(ringing)])
        clock.perform(ringingActions)

        let ok = Fixtures.response(to: self.invite, 200, "OK")
        let okActions = machine.send(response: ok, status: 200)
        #expect(okActions == [.send(ok), .startTimer(.l, after: .seconds(32))])
        clock.perform(okActions)
        #expect(machine.phase == .accepted)

        // RFC 6026: INVITE retransmissions are absorbed, not passed up; the TU's own 2xx retransmissions go out;
        // a matching ACK goes to the TU; no other final response is allowed.
        #expect(machine.received(self.invite) == [.ignore(.retransmission)])
        #expect(machine.send(response: ok, status: 200) == [.send(ok)])
        #expect(machine.received(self.ack) == [.deliverToTU(self.ack)])
        #expect(
            machine.send(response: Fixtures.response(to: self.invite, 486, "Busy"), status: 486) == [
                .ignore(.notAllowedInState)
            ]
        )

        clock.run(until: .seconds(31)) { machine.timerFired($0) }
        #expect(machine.phase == .accepted)
        clock.run(until: .seconds(33)) { machine.timerFired($0) }
        #expect(clock.actions(of: .machine, since: .seconds(31)) == [.terminate])
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func reliableTransportStartsNoTimerGAndAZeroTimerI() {
        var machine = InviteServerTransaction(timers: SIPTimerConfiguration(reliable: true))
        _ = machine.received(self.invite)
        let busy = Fixtures.response(to: self.invite, 486, "Busy Here")
        #expect(
            machine.send(response: busy, status: 486)
                == [.cancelTimer(.trying), .send(busy), .startTimer(.h, after: .seconds(32))]
        )
        #expect(machine.received(self.ack) == [.cancelTimer(.h), .startTimer(.i, after: .zero)])
        #expect(machine.timerFired(.i) == [.terminate])
    }

    @Test func peerMisbehaviourIsIgnoredNotTrapped() throws {
        var machine = InviteServerTransaction()
        let bye = try Fixtures.request(.bye)
        let response = try Fixtures.parsedResponse(to: self.invite, 200, "OK")
        #expect(machine.received(self.ack) == [.ignore(.unexpectedMessage)])
        #expect(machine.received(response) == [.ignore(.unexpectedMessage)])
        #expect(machine.phase == .idle)
        _ = machine.received(self.invite)
        // An ACK before any final response acknowledges nothing.
        #expect(machine.received(self.ack) == [.ignore(.unexpectedMessage)])
        #expect(machine.received(bye) == [.ignore(.unexpectedMessage)])
        #expect(machine.received(response) == [.ignore(.unexpectedMessage)])
        #expect(machine.timerFired(.g) == [.ignore(.staleTimer)])
        #expect(machine.timerFired(.h) == [.ignore(.staleTimer)])
        #expect(machine.phase == .proceeding)
    }

    @Test func tuMistakesAreIgnored() {
        var machine = InviteServerTransaction()
        let ok = Fixtures.response(to: self.invite, 200, "OK")
        #expect(machine.send(response: ok, status: 200) == [.ignore(.notAllowedInState)])
        _ = machine.received(self.invite)
        #expect(machine.send(response: ok, status: 99) == [.ignore(.notAllowedInState)])
        #expect(machine.send(response: ok, status: 700) == [.ignore(.notAllowedInState)])
        #expect(
            machine.send(response: SIPMessageBuilder(.request(method: .bye, uri: "sip:x"))) == [
                .ignore(.notAllowedInState)
            ]
        )
        #expect(machine.phase == .proceeding)
    }

    @Test func builderOverloadSerializesOnce() {
        var machine = InviteServerTransaction()
        _ = machine.received(self.invite)
        let builder = SIPMessageBuilder.response(to: self.invite, status: 603, reason: "Decline", toTag: "x")
        #expect(
            machine.send(response: builder)
                == [
                    .cancelTimer(.trying), .send(builder.serialized()), .startTimer(.g, after: .ms(500)),
                    .startTimer(.h, after: .seconds(32)),
                ]
        )
        #expect(machine.retainedByteCount == builder.serialized().storageCapacity)
    }

    @Test func transportFailureInformsTheTUAndStays() {
        var machine = InviteServerTransaction()
        #expect(machine.transportFailed() == [.ignore(.notAllowedInState)])
        _ = machine.received(self.invite)
        #expect(machine.transportFailed() == [.transportError])
        #expect(machine.phase == .proceeding)
        _ = machine.send(response: Fixtures.response(to: self.invite, 486, "Busy Here"), status: 486)
        #expect(machine.transportFailed() == [.transportError])
        #expect(machine.phase == .completed)
    }

    @Test func abandonCancelsWhatRuns() {
        var proceeding = InviteServerTransaction()
        _ = proceeding.received(self.invite)
        #expect(proceeding.abandon() == [.cancelTimer(.trying), .terminate])
        #expect(proceeding.abandon() == [.ignore(.notAllowedInState)])

        var completed = InviteServerTransaction()
        _ = completed.received(self.invite)
        _ = completed.send(response: Fixtures.response(to: self.invite, 486, "Busy Here"), status: 486)
        #expect(completed.abandon() == [.cancelTimer(.g), .cancelTimer(.h), .terminate])
        #expect(completed.retainedByteCount == 0)

        var accepted = InviteServerTransaction()
        _ = accepted.received(self.invite)
        _ = accepted.send(response: Fixtures.response(to: self.invite, 200, "OK"), status: 200)
        #expect(accepted.abandon() == [.cancelTimer(.l), .terminate])
    }
}
