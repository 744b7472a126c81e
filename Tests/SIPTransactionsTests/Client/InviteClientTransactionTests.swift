import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Scripted scenarios for the INVITE client transaction (RFC 3261 Figure 5 with RFC 6026 Accepted).
@Suite struct InviteClientTransactionTests {
    let invite: SIPMessage

    init() throws {
        self.invite = try Fixtures.request(
            .invite,
            branch: "z9hG4bKnashds8",
            sentBy: "192.0.2.50:5060",
            extra: [.init("Route", "<sip:proxy1.example.com;lr>"), .init("Route", "<sip:proxy2.example.com;lr>")]
        )
    }

    @Test func inviteOverUDPIsRetransmittedByTimerAUntilTimerB() {
        var machine = InviteClientTransaction()
        var clock = VirtualScheduler<Solo>()
        let actions = machine.send(request: self.invite)
        #expect(
            actions
                == [
                    .send(self.invite.messageBytes), .startTimer(.a, after: .ms(500)),
                    .startTimer(.b, after: .seconds(32)),
                ]
        )
        clock.perform(actions)

        clock.run(until: .seconds(40)) { machine.timerFired($0) }

        // Timer A doubles without a cap: 0.5, 1, 2, 4, 8, 16 s.
        #expect(clock.sendTimes == [0, 500, 1_500, 3_500, 7_500, 15_500, 31_500].map { .ms($0) })
        #expect(clock.actions(of: .machine, since: .seconds(32)) == [.cancelTimer(.a), .timeout, .terminate])
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func busyIsAcknowledgedByTheTransaction() throws {
        var machine = InviteClientTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.send(request: self.invite))
        clock.run(until: .ms(700)) { machine.timerFired($0) }

        let busy = try Fixtures.parsedResponse(to: self.invite, 486, "Busy Here")
        let actions = machine.received(busy)
        clock.perform(actions)
        guard actions.count == 5, case .send(let ackBytes) = actions[2] else {
            Issue.record("unexpected actions \(actions)")
            return
        }
        #expect(
            actions
                == [
                    .cancelTimer(.a), .cancelTimer(.b), .send(ackBytes), .startTimer(.d, after: .seconds(32)),
                    .deliverToTU(busy),
                ]
        )
        #expect(machine.phase == .completed)

        let ack = try SIPMessageParser.parseDatagram(ackBytes)
        #expect(ack.method == .ack)
        #expect(ack.requestURIText == Fixtures.uri)
        #expect(ack.vias.count == 1)
        #expect(ack.firstValue(.via) == "SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bKnashds8")
        #expect(ack.to?.tag == "as83kd9bs")
        #expect(ack.from?.tag == "1928301774")
        #expect(ack.callID == Fixtures.callID)
        #expect(ack.cseq == SIPCSeq(sequence: 314_159, method: .ack))
        #expect(ack.rawRoutes == ["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"])
        #expect(ack.maxForwards == 70)
        #expect(!ack.hasErrors)
        // The ACK matches the server transaction of the INVITE (§17.2.3).
        #expect(SIPTransactionKey(serverTransactionOf: ack) == SIPTransactionKey(serverTransactionOf: self.invite))

        // A retransmitted 486 gets the same ACK and is not passed up again.
        #expect(machine.received(busy) == [.send(ackBytes)])
        clock.run(until: .seconds(40)) { machine.timerFired($0) }
        #expect(clock.actions(of: .machine, since: .ms(700)).last == .terminate)
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func okGoesThroughAcceptedUntilTimerM() throws {
        var machine = InviteClientTransaction()
        var clock = VirtualScheduler<Solo>()
        clock.perform(machine.send(request: self.invite))
        let ringing = try Fixtures.parsedResponse(to: self.invite, 180, "Ringing")
        let ringingActions = machine.received(ringing)
        #expect(ringingActions == [.cancelTimer(.a), .cancelTimer(.b), .deliverToTU(ringing)])
        clock.perform(ringingActions)
        #expect(machine.phase == .proceeding)
        #expect(machine.timerFired(.a) == [.ignore(.staleTimer)])

        let ok = try Fixtures.parsedResponse(to: self.invite, 200, "OK")
        let okActions = machine.received(ok)
        #expect(okActions == [.startTimer(.m, after: .seconds(32)), .deliverToTU(ok)])
        clock.perform(okActions)
        // RFC 6026: every further 2xx goes to the TU, which acknowledges each.
        #expect(machine.received(ok) == [.deliverToTU(ok)])
        #expect(machine.received(ringing) == [.ignore(.unexpectedMessage)])

        clock.run(until: .seconds(33)) { machine.timerFired($0) }
        #expect(machine.isTerminated)
        #expect(clock.violations.isEmpty)
    }

    @Test func reliableTransportHasNoTimerAAndAZeroTimerD() throws {
        var machine = InviteClientTransaction(timers: SIPTimerConfiguration(reliable: true))
        #expect(
            machine.send(request: self.invite) == [
                .send(self.invite.messageBytes), .startTimer(.b, after: .seconds(32)),
            ]
        )
        let decline = try Fixtures.parsedResponse(to: self.invite, 603, "Decline")
        let actions = machine.received(decline)
        #expect(actions.first == .cancelTimer(.b))
        #expect(actions.contains(.startTimer(.d, after: .zero)))
        #expect(machine.timerFired(.d) == [.terminate])
    }

    @Test func onlyAnInviteWithABranchStartsIt() throws {
        var machine = InviteClientTransaction()
        #expect(machine.send(request: try Fixtures.request(.options)) == [.ignore(.notAllowedInState)])
        #expect(machine.send(request: try Fixtures.request(.invite, branch: nil)) == [.ignore(.notAllowedInState)])
        #expect(machine.phase == .idle)
        _ = machine.send(request: self.invite)
        #expect(machine.send(request: self.invite) == [.ignore(.notAllowedInState)])
    }

    @Test func malformedResponsesAreIgnored() throws {
        var machine = InviteClientTransaction()
        _ = machine.send(request: self.invite)
        #expect(machine.received(self.invite) == [.ignore(.unexpectedMessage)])
        let crafted = try Fixtures.parse(
            "SIP/2.0 999 Whatever\r\nVia: SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bKnashds8\r\n"
                + "CSeq: 314159 INVITE\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(machine.received(crafted) == [.ignore(.unexpectedMessage)])
        #expect(machine.phase == .calling)
    }

    @Test func transportFailureAndAbandon() throws {
        var calling = InviteClientTransaction()
        _ = calling.send(request: self.invite)
        #expect(calling.transportFailed() == [.cancelTimer(.a), .cancelTimer(.b), .transportError, .terminate])

        var proceeding = InviteClientTransaction()
        _ = proceeding.send(request: self.invite)
        _ = proceeding.received(try Fixtures.parsedResponse(to: self.invite, 100, "Trying", toTag: nil))
        #expect(proceeding.transportFailed() == [.transportError])
        #expect(proceeding.phase == .proceeding)
        #expect(proceeding.abandon() == [.terminate])

        var completed = InviteClientTransaction()
        _ = completed.send(request: self.invite)
        _ = completed.received(try Fixtures.parsedResponse(to: self.invite, 404, "Not Found"))
        #expect(completed.transportFailed() == [.cancelTimer(.d), .transportError, .terminate])
    }
}

extension SIPMessage {
    /// The raw Route values, in order.
    var rawRoutes: [String] { self.fields(.route).map { self.value(of: $0) } }
}
