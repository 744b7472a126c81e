import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// The table's bounds on transactions and retained bytes.
@Suite struct SIPTransactionTableBoundTests {
    /// OPTIONS datagrams that differ only in their branch, From tag and Call-ID, as a scanner flood sends them.
    static func request(_ index: Int) throws -> SIPMessage {
        let text =
            "OPTIONS sip:100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK\(index)\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:100@198.51.100.7>;tag=\(index)\r\nTo: <sip:100@192.0.2.1>\r\n"
            + "Call-ID: \(index)\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        return try SIPMessageParser.parseDatagram(Array(text.utf8))
    }

    /// `count` distinct requests, parsed on every core (parsing, not the table, is the slow part of a debug build).
    static func flood(_ count: Int) async throws -> [SIPMessage] {
        let chunks = 8
        return try await withThrowingTaskGroup(of: (Int, [SIPMessage]).self) { group in
            for chunk in 0..<chunks {
                group.addTask {
                    let range = stride(from: chunk, to: count, by: chunks)
                    return (chunk, try range.map { try Self.request($0) })
                }
            }
            var parts = [[SIPMessage]](repeating: [], count: chunks)
            for try await (chunk, messages) in group { parts[chunk] = messages }
            // Interleave back into index order.
            var result: [SIPMessage] = []
            result.reserveCapacity(count)
            for index in 0..<count { result.append(parts[index % chunks][index / chunks]) }
            return result
        }
    }

    @Test func aFloodOfDistinctRequestsStopsAtTheDefaultBound() async throws {
        var table = SIPTransactionTable()
        #expect(table.configuration.maximumTransactions == 100_000)
        let requests = try await Self.flood(100_001)
        var created = 0
        for request in requests.dropLast() {
            if case .newServerTransaction = table.received(request, reliable: false) { created += 1 }
        }
        #expect(created == 100_000)
        #expect(table.count == 100_000)
        let full = table.isFull
        #expect(full)

        let last = requests[100_000]
        #expect(table.received(last, reliable: false) == .refused(last))
        #expect(table.count == 100_000)
        // Retransmissions of live transactions are still served, and ACKs create nothing, so they pass too.
        let first = try #require(SIPTransactionKey(serverTransactionOf: requests[0]))
        #expect(table.received(requests[0], reliable: false) == .transaction(first, [.ignore(.retransmission)]))
        let ack = try Fixtures.request(.ack, branch: "z9hG4bKack", cseqMethod: .ack, toTag: "t")
        #expect(table.received(ack, reliable: false) == .ackFor2xx(ack))

        // When one transaction ends, there is room for one more.
        #expect(table.abandon(first) == [.terminate])
        let stillFull = table.isFull
        #expect(!stillFull)
        let lastKey = try #require(SIPTransactionKey(serverTransactionOf: last))
        #expect(table.received(last, reliable: false) == .newServerTransaction(lastKey, [.deliverToTU(last)]))
        #expect(table.received(requests[0], reliable: false) == .refused(requests[0]))
    }

    @Test func underLoadRequestsOtherThanInviteAndCancelAreAnsweredStatelessly() throws {
        var table = SIPTransactionTable(configuration: .init(maximumTransactions: 4, statelessUnderLoad: true))
        let first = try Self.request(1)
        let firstKey = try #require(SIPTransactionKey(serverTransactionOf: first))
        #expect(table.received(first, reliable: false) == .newServerTransaction(firstKey, [.deliverToTU(first)]))
        let second = try Self.request(2)
        guard case .newServerTransaction = table.received(second, reliable: false) else {
            Issue.record("below half, an OPTIONS gets its transaction")
            return
        }
        let halfFull = table.isHalfFull
        #expect(halfFull)

        // From half full an OPTIONS goes to the TU under its would-be key, and nothing is created.
        let options = try Self.request(3)
        let optionsKey = try #require(SIPTransactionKey(serverTransactionOf: options))
        #expect(table.received(options, reliable: false) == .stateless(optionsKey, options))
        #expect(table.count == 2)
        #expect(!table.contains(optionsKey))
        // Its retransmission is not absorbed: it reaches the TU again.
        #expect(table.received(options, reliable: false) == .stateless(optionsKey, options))
        // The TU's answer under that key has no transaction to go through.
        #expect(
            table.send(response: Fixtures.response(to: options, 200, "OK"), status: 200, for: optionsKey)
                == [.ignore(.noSuchTransaction)]
        )
        // Live transactions still absorb their retransmissions.
        #expect(table.received(first, reliable: false) == .transaction(firstKey, [.ignore(.retransmission)]))

        // The other half is for INVITE and CANCEL, which are refused only when the table is full.
        let invite = try Fixtures.request(.invite, branch: "z9hG4bKinvite1", callID: "invite-1")
        guard case .newServerTransaction = table.received(invite, reliable: false) else {
            Issue.record("an INVITE gets a transaction until the table is full")
            return
        }
        let cancel = try Fixtures.request(.cancel, branch: "z9hG4bKinvite1", callID: "invite-1")
        guard case .cancel = table.received(cancel, reliable: false) else {
            Issue.record("a CANCEL gets a transaction until the table is full")
            return
        }
        let full = table.isFull
        #expect(full)
        let another = try Fixtures.request(.invite, branch: "z9hG4bKinvite2", callID: "invite-2")
        #expect(table.received(another, reliable: false) == .refused(another))
        #expect(table.received(options, reliable: false) == .stateless(optionsKey, options))
    }

    @Test func pastTheStatefulNonInviteLimitRequestsAreAnsweredStatelesslyWhileInvitesStillGetTheirs() throws {
        var table = SIPTransactionTable(
            configuration: .init(maximumTransactions: 100, statelessUnderLoad: true, maximumStatefulNonInvite: 2)
        )
        for index in 1...2 {
            guard case .newServerTransaction = table.received(try Self.request(index), reliable: false) else {
                Issue.record("request \(index) gets its transaction below the limit")
                return
            }
        }
        let third = try Self.request(3)
        let thirdKey = try #require(SIPTransactionKey(serverTransactionOf: third))
        let halfFull = table.isHalfFull
        #expect(!halfFull)
        #expect(table.received(third, reliable: false) == .stateless(thirdKey, third))
        #expect(table.count == 2)
        let invite = try Fixtures.request(.invite, branch: "z9hG4bKinvite9", callID: "invite-9")
        guard case .newServerTransaction = table.received(invite, reliable: false) else {
            Issue.record("an INVITE is not subject to the non-INVITE limit")
            return
        }
        // Without statelessUnderLoad the limit means nothing.
        var plain = SIPTransactionTable(configuration: .init(maximumTransactions: 100, maximumStatefulNonInvite: 0))
        guard case .newServerTransaction = plain.received(third, reliable: false) else {
            Issue.record("the limit applies only with statelessUnderLoad")
            return
        }
    }

    @Test func initialInvitesAreStatelessWhileTheTUSaysSoButReInvitesAndLiveTransactionsAreNot() throws {
        var table = SIPTransactionTable(configuration: .init(statelessUnderLoad: true))
        let live = try Fixtures.request(.invite, branch: "z9hG4bKlive", callID: "live-1")
        let liveKey = try #require(SIPTransactionKey(serverTransactionOf: live))
        guard case .newServerTransaction = table.received(live, reliable: false) else {
            Issue.record("an INVITE gets its transaction")
            return
        }
        table.answerInitialInvitesStatelessly = true
        let invite = try Fixtures.request(.invite, branch: "z9hG4bKnew", callID: "new-1")
        let inviteKey = try #require(SIPTransactionKey(serverTransactionOf: invite))
        #expect(table.received(invite, reliable: false) == .stateless(inviteKey, invite))
        #expect(!table.contains(inviteKey))
        // The live transaction still absorbs its retransmission.
        guard case .transaction(liveKey, _) = table.received(live, reliable: false) else {
            Issue.record("a live INVITE transaction keeps its retransmissions")
            return
        }
        // An INVITE inside a dialog (To tag) keeps its transaction.
        let text =
            "INVITE sip:100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKre\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:100@198.51.100.7>;tag=a\r\nTo: <sip:100@192.0.2.1>;tag=b\r\n"
            + "Call-ID: live-1\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n"
        let reInvite = try SIPMessageParser.parseDatagram(Array(text.utf8))
        guard case .newServerTransaction = table.received(reInvite, reliable: false) else {
            Issue.record("a re-INVITE gets its transaction")
            return
        }
        // Without statelessUnderLoad the flag means nothing.
        var plain = SIPTransactionTable()
        plain.answerInitialInvitesStatelessly = true
        guard case .newServerTransaction = plain.received(invite, reliable: false) else {
            Issue.record("the flag applies only with statelessUnderLoad")
            return
        }
    }

    @Test func withoutStatelessUnderLoadAnOptionsIsRefusedOnlyWhenFull() throws {
        var table = SIPTransactionTable(configuration: .init(maximumTransactions: 2))
        for index in 1...2 {
            guard case .newServerTransaction = table.received(try Self.request(index), reliable: false) else {
                Issue.record("request \(index) gets its transaction")
                return
            }
        }
        let third = try Self.request(3)
        #expect(table.received(third, reliable: false) == .refused(third))
    }

    @Test func retainedBytesAreBoundedToo() async throws {
        let budget = 5_000
        var table = SIPTransactionTable(configuration: .init(maximumRetainedBytes: budget))
        var accepted = 0
        var expectedBytes = 0
        for request in try await Self.flood(20) {
            let before = table.retainedByteCount
            guard case .newServerTransaction(let key, _) = table.received(request, reliable: false) else {
                // Refused only once the bytes reached the budget.
                #expect(before >= budget)
                continue
            }
            #expect(before < budget)
            accepted += 1
            // Each answer echoes the request's headers (about 200 bytes in 512 bytes of storage), held until Timer J.
            let response = Fixtures.response(to: request, 404, "Not Found")
            _ = table.send(response: response, status: 404, for: key)
            expectedBytes += key.retainedByteCount + response.storageCapacity
            #expect(table.retainedByteCount == expectedBytes)
        }
        #expect((5..<20).contains(accepted))
        #expect(table.count == accepted)
        #expect(table.retainedByteCount >= budget)
        #expect(
            table.send(request: try Fixtures.request(.options, branch: "z9hG4bKmine"), reliable: false)
                == .refused(.full)
        )
    }

    @Test func retainedBytesReturnToZeroWhenTransactionsEnd() async throws {
        var harness = TableHarness()
        for request in try await Self.flood(50) {
            guard case .newServerTransaction(let key, _) = harness.receive(request) else { continue }
            _ = harness.respond(.response(to: request, status: 200, reason: "OK", toTag: "y"), for: key)
        }
        #expect(harness.table.count == 50)
        #expect(harness.table.retainedByteCount > 50 * 200)
        harness.run(until: .seconds(33))
        #expect(harness.table.count == 0)
        #expect(harness.table.retainedByteCount == 0)
        #expect(harness.clock.violations.isEmpty)
    }
}
