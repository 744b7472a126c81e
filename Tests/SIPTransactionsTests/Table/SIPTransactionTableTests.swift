import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Routing through the transaction table, in virtual time.
@Suite struct SIPTransactionTableTests {
    let invite: SIPMessage
    let key: SIPTransactionKey

    init() throws {
        self.invite = try Fixtures.request(.invite)
        self.key = try #require(SIPTransactionKey(serverTransactionOf: self.invite))
    }

    @Test func newInviteCreatesATransactionAndItsRetransmissionsRouteToIt() throws {
        var table = SIPTransactionTable()
        #expect(
            table.received(self.invite, reliable: false)
                == .newServerTransaction(self.key, [.startTimer(.trying, after: .ms(200)), .deliverToTU(self.invite)])
        )
        #expect(table.count == 1)
        #expect(table.contains(self.key))
        #expect(table.inviteServerPhase(of: self.key) == .proceeding)
        #expect(
            table.received(try Fixtures.request(.invite), reliable: false)
                == .transaction(self.key, [.ignore(.retransmission)])
        )
        #expect(table.count == 1)
    }

    @Test func busyWithoutAckTimesOutAndIsRemoved() {
        var harness = TableHarness()
        _ = harness.receive(self.invite)
        _ = harness.respond(.response(to: self.invite, status: 486, reason: "Busy Here", toTag: "b1"), for: self.key)
        #expect(harness.table.inviteServerPhase(of: self.key) == .completed)
        harness.run(until: .seconds(60))
        #expect(harness.clock.sendTimes(of: self.key).count == 11)
        #expect(harness.clock.actions(of: self.key, since: .seconds(32)) == [.cancelTimer(.g), .timeout, .terminate])
        #expect(harness.table.count == 0)
        #expect(harness.table.retainedByteCount == 0)
        #expect(harness.clock.violations.isEmpty)
        // A late timer or response for the removed transaction is reported, not trapped.
        #expect(harness.table.timerFired(.g, for: self.key) == [.ignore(.noSuchTransaction)])
        #expect(harness.table.send(response: ByteBuffer(), status: 486, for: self.key) == [.ignore(.noSuchTransaction)])
    }

    @Test func ackOfANon2xxConfirmsAndTimerIRemovesTheTransaction() throws {
        var harness = TableHarness()
        _ = harness.receive(self.invite)
        _ = harness.respond(.response(to: self.invite, status: 486, reason: "Busy Here", toTag: "b1"), for: self.key)
        harness.run(until: .seconds(1))
        let ack = try Fixtures.request(.ack, cseqMethod: .ack, toTag: "b1")
        #expect(
            harness.receive(ack)
                == .transaction(self.key, [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, after: .seconds(5))])
        )
        #expect(harness.receive(ack) == .transaction(self.key, [.ignore(.retransmission)]))
        harness.run(until: .seconds(7))
        #expect(harness.table.count == 0)
        #expect(harness.clock.violations.isEmpty)
        // Once the transaction is gone, a late ACK with a To tag is handed to the dialog layer.
        #expect(harness.receive(ack) == .ackFor2xx(ack))
    }

    @Test func ackOfA2xxGoesToTheTU() throws {
        var harness = TableHarness()
        _ = harness.receive(self.invite)
        _ = harness.respond(.response(to: self.invite, status: 200, reason: "OK", toTag: "ok1"), for: self.key)
        #expect(harness.table.inviteServerPhase(of: self.key) == .accepted)
        // §13.2.2.4: the ACK of a 2xx is a new transaction with its own branch.
        let ack = try Fixtures.request(.ack, branch: "z9hG4bKack2xx", cseqMethod: .ack, toTag: "ok1")
        #expect(harness.receive(ack) == .ackFor2xx(ack))
        // An ACK reusing the INVITE's branch matches the Accepted transaction, which passes it up.
        let sameBranch = try Fixtures.request(.ack, cseqMethod: .ack, toTag: "ok1")
        #expect(harness.receive(sameBranch) == .transaction(self.key, [.deliverToTU(sameBranch)]))
        #expect(harness.receive(self.invite) == .transaction(self.key, [.ignore(.retransmission)]))
        harness.run(until: .seconds(33))
        #expect(harness.table.count == 0)
    }

    @Test func ackWithoutToTagMatchingNothingIsStray() throws {
        var table = SIPTransactionTable()
        let ack = try Fixtures.request(.ack, branch: "z9hG4bKscan", cseqMethod: .ack)
        #expect(table.received(ack, reliable: false) == .strayACK(ack))
        #expect(table.count == 0)
    }

    @Test func cancelMatchesTheInviteItCancels() throws {
        var harness = TableHarness()
        _ = harness.receive(self.invite)
        let cancel = try Fixtures.request(.cancel)
        let cancelKey = try #require(SIPTransactionKey(serverTransactionOf: cancel))
        #expect(harness.receive(cancel) == .cancel(cancelKey, matching: self.key, [.deliverToTU(cancel)]))
        #expect(harness.table.count == 2)

        // The TU answers the CANCEL with 200 and the INVITE with 487 (§9.2).
        let ok = SIPMessageBuilder.response(to: cancel, status: 200, reason: "OK", toTag: "c1")
        #expect(harness.respond(ok, for: cancelKey) == [.send(ok.serialized()), .startTimer(.j, after: .seconds(32))])
        let terminated = SIPMessageBuilder.response(
            to: self.invite,
            status: 487,
            reason: "Request Terminated",
            toTag: "c1"
        )
        _ = harness.respond(terminated, for: self.key)
        #expect(harness.table.inviteServerPhase(of: self.key) == .completed)
        // A retransmitted CANCEL gets its 200 again.
        #expect(harness.receive(cancel) == .transaction(cancelKey, [.send(ok.serialized())]))
    }

    @Test func cancelOfNothingIsReportedWithoutMatch() throws {
        var table = SIPTransactionTable()
        let cancel = try Fixtures.request(.cancel, branch: "z9hG4bKorphan")
        let cancelKey = try #require(SIPTransactionKey(serverTransactionOf: cancel))
        #expect(table.received(cancel, reliable: false) == .cancel(cancelKey, matching: nil, [.deliverToTU(cancel)]))
    }

    @Test func rfc2543PeerIsMatchedByTheFallbackFields() throws {
        var harness = TableHarness()
        let text =
            "INVITE sip:UserB@example.com SIP/2.0\r\nVia: SIP/2.0/UDP iftgw.example.com\r\n"
            + "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n"
            + "To: sip:+16505552222@ss1.example.net;user=phone\r\nCall-ID: inv2543.1717@ift.client.example.com\r\n"
            + "CSeq: 56 INVITE\r\nContent-Length: 0\r\n\r\n"
        let invite = try Fixtures.parse(text)
        let key = try #require(SIPTransactionKey(serverTransactionOf: invite))
        #expect(key.usesRFC2543Matching)
        #expect(
            harness.receive(invite)
                == .newServerTransaction(key, [.startTimer(.trying, after: .ms(200)), .deliverToTU(invite)])
        )
        #expect(harness.receive(try Fixtures.parse(text)) == .transaction(key, [.ignore(.retransmission)]))
        _ = harness.respond(.response(to: invite, status: 404, reason: "Not Found", toTag: "z1"), for: key)

        // The ACK carries the To tag of the 404, which the INVITE did not have.
        let ack = try Fixtures.parse(
            "ACK sip:UserB@example.com SIP/2.0\r\nVia: SIP/2.0/UDP iftgw.example.com\r\n"
                + "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n"
                + "To: sip:+16505552222@ss1.example.net;user=phone;tag=z1\r\n"
                + "Call-ID: inv2543.1717@ift.client.example.com\r\nCSeq: 56 ACK\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(
            harness.receive(ack)
                == .transaction(key, [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, after: .seconds(5))])
        )
        // A request from another Call-ID is a new transaction.
        let other = try Fixtures.parse(text.replacingFirst("inv2543.1717", with: "inv2543.1718"))
        guard case .newServerTransaction(let otherKey, _) = harness.receive(other) else {
            Issue.record("a different Call-ID matched")
            return
        }
        #expect(otherKey != key)
    }

    @Test func clientTransactionsReceiveTheirResponses() throws {
        var harness = TableHarness()
        let register = try Fixtures.request(.register, branch: "z9hG4bKreg9", sentBy: "192.0.2.50:5060")
        let start = harness.table.send(request: register, reliable: false)
        let key = try #require(SIPTransactionKey(clientTransactionOf: register))
        #expect(
            start
                == .started(
                    key,
                    [
                        .send(register.messageBytes), .startTimer(.e, after: .ms(500)),
                        .startTimer(.f, after: .seconds(32)),
                    ]
                )
        )
        if case .started(_, let actions) = start { harness.clock.perform(actions, for: key) }
        #expect(harness.table.send(request: register, reliable: false) == .refused(.duplicateKey))
        #expect(harness.table.send(request: try Fixtures.request(.ack), reliable: false) == .refused(.invalidRequest))
        harness.run(until: .ms(600))

        let unauthorized = try Fixtures.parsedResponse(to: register, 401, "Unauthorized")
        #expect(
            harness.receive(unauthorized)
                == .transaction(
                    key,
                    [
                        .cancelTimer(.e), .cancelTimer(.f), .startTimer(.k, after: .seconds(5)),
                        .deliverToTU(unauthorized),
                    ]
                )
        )
        let stray = try Fixtures.parsedResponse(to: try Fixtures.request(.register, branch: "z9hG4bKnever"), 200, "OK")
        #expect(harness.receive(stray) == .strayResponse(stray))
        harness.run(until: .seconds(10))
        #expect(harness.table.count == 0)
        #expect(harness.clock.sendTimes(of: key) == [.zero, .ms(500)])
        #expect(harness.clock.violations.isEmpty)
    }

    @Test func clientInviteThroughTheTableAcknowledgesA486() throws {
        var harness = TableHarness()
        let invite = try Fixtures.request(.invite, branch: "z9hG4bKout1", sentBy: "192.0.2.50:5060")
        guard case .started(let key, let actions) = harness.table.send(request: invite, reliable: true) else {
            Issue.record("not started")
            return
        }
        harness.clock.perform(actions, for: key)
        #expect(actions == [.send(invite.messageBytes), .startTimer(.b, after: .seconds(32))])
        let busy = try Fixtures.parsedResponse(to: invite, 486, "Busy Here")
        guard case .transaction(_, let busyActions) = harness.receive(busy, reliable: true) else {
            Issue.record("486 did not match")
            return
        }
        #expect(busyActions.contains(.startTimer(.d, after: .zero)))
        harness.run(until: .zero)
        #expect(harness.table.count == 0)
        #expect(harness.clock.violations.isEmpty)
    }

    @Test func reliableServerTransactionHasNoRetransmitTimers() throws {
        var harness = TableHarness()
        #expect(
            harness.receive(self.invite, reliable: true)
                == .newServerTransaction(self.key, [.startTimer(.trying, after: .ms(200)), .deliverToTU(self.invite)])
        )
        let busy = SIPMessageBuilder.response(to: self.invite, status: 486, reason: "Busy Here", toTag: "b1")
        #expect(
            harness.respond(busy, for: self.key)
                == [.cancelTimer(.trying), .send(busy.serialized()), .startTimer(.h, after: .seconds(32))]
        )
        let ack = try Fixtures.request(.ack, cseqMethod: .ack, toTag: "b1")
        #expect(
            harness.receive(ack, reliable: true)
                == .transaction(self.key, [.cancelTimer(.h), .startTimer(.i, after: .zero)])
        )
        harness.run(until: harness.clock.now)
        #expect(harness.table.count == 0)
    }

    @Test func requestsWithoutMatchingFieldsAreUnmatchable() throws {
        var table = SIPTransactionTable()
        let noVia = try Fixtures.parse(
            "INVITE sip:x@192.0.2.1 SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(table.received(noVia, reliable: false) == .unmatchable(noVia))
        #expect(table.count == 0)
        let responseWithoutBranch = try Fixtures.parse(
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(table.received(responseWithoutBranch, reliable: false) == .strayResponse(responseWithoutBranch))
    }

    @Test func abandonRemovesASilentTransaction() throws {
        var table = SIPTransactionTable()
        _ = table.received(self.invite, reliable: false)
        #expect(table.abandon(self.key) == [.cancelTimer(.trying), .terminate])
        #expect(table.count == 0)
        #expect(table.abandon(self.key) == [.ignore(.noSuchTransaction)])
        #expect(table.transportFailed(for: self.key) == [.ignore(.noSuchTransaction)])
    }

    @Test func configurationReachesTheMachines() throws {
        var harness = TableHarness(
            .init(timers: SIPTimerConfiguration(t1: .seconds(1)), tryingHeaders: [.init("Server", "FPBX-16.0.40")])
        )
        _ = harness.receive(self.invite)
        harness.run(until: .seconds(1))
        guard case .send(let tryingBytes) = harness.clock.log.last?.action else {
            Issue.record("no 100 Trying")
            return
        }
        let trying = try SIPMessageParser.parseDatagram(tryingBytes)
        #expect(trying.statusCode == 100)
        #expect(trying.server == "FPBX-16.0.40")
        let actions = harness.respond(
            .response(to: self.invite, status: 404, reason: "Not Found", toTag: "n"),
            for: self.key
        )
        #expect(actions.suffix(2) == [.startTimer(.g, after: .seconds(1)), .startTimer(.h, after: .seconds(64))])
    }

    @Test func transportFailureRemovesANonInviteTransaction() throws {
        var table = SIPTransactionTable()
        let bye = try Fixtures.request(.bye, branch: "z9hG4bKbye1")
        let key = try #require(SIPTransactionKey(serverTransactionOf: bye))
        _ = table.received(bye, reliable: true)
        #expect(
            table.send(response: .response(to: bye, status: 200, reason: "OK", toTag: "b"), for: key).last
                == .startTimer(.j, after: .zero)
        )
        #expect(table.transportFailed(for: key) == [.cancelTimer(.j), .transportError, .terminate])
        #expect(!table.contains(key))
        #expect(table.retainedByteCount == 0)
        // A response for a client key, or a server key nobody holds, reaches no transaction.
        let clientKey = try #require(SIPTransactionKey(clientTransactionOf: bye))
        #expect(table.send(response: ByteBuffer(), status: 200, for: clientKey) == [.ignore(.noSuchTransaction)])
    }
}
