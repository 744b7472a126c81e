import Foundation
import Testing

@testable import Storage

/// The administrator's read side over a small scripted history: two sources, INVITEs with responses, OPTIONS,
/// verdicts stored for the received requests.
@Suite struct TraceAnalyticsTests {
    static let t0: Int64 = 1_700_000_000_000_000_000
    static let second: Int64 = 1_000_000_000
    static let scanner = TraceEndpoint(address: "198.51.100.7", port: 5070)
    static let phone = TraceEndpoint(address: "203.0.113.9", port: 5060)

    static func verdict(
        at time: Int64,
        source: TraceEndpoint,
        method: String,
        callID: String,
        winner: String,
        belief: Double,
        alert: Bool,
        labels: String = "[]"
    ) -> VerdictRecord {
        VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
            transport: .udp,
            source: source,
            method: method,
            callID: callID,
            cseqNumber: 1,
            cseqMethod: method,
            belief: [.init(state: winner, belief: belief)],
            winner: winner,
            winnerBelief: belief,
            alert: alert,
            explanationJSON: "{}",
            attackLabelsJSON: labels,
            investigationJSON: "{}"
        )
    }

    /// t0: scanner INVITE call-1 (UA `<script>`), t0+1 s: 486 sent; t0+2 s: scanner OPTIONS; t0+61 s: phone INVITE
    /// call-2 to `sip:+33123@…`, t0+62 s: 200 sent; verdicts for the three received requests.
    static func populated() async throws -> SQLiteTraceStore {
        let store = try SQLiteTraceStore.inMemory()
        let busy = Array(
            String(decoding: Fixtures.okResponse, as: UTF8.self).replacingOccurrences(
                of: "200 OK",
                with: "486 Busy Here"
            )
            .utf8
        )
        let options = Array(
            """
            OPTIONS sip:100@192.0.2.10 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-2\r
            From: <sip:100@198.51.100.7>;tag=o\r
            To: <sip:100@192.0.2.10>\r
            Call-ID: options-1\r
            CSeq: 1 OPTIONS\r
            User-Agent: friendly-scanner\r
            Content-Length: 0\r
            \r

            """.utf8
        )
        let phoneInvite = Array(
            String(decoding: Fixtures.invite(callID: "call-2", userAgent: "Yealink SIP-T27G"), as: UTF8.self)
                .replacingOccurrences(of: "INVITE sip:100@", with: "INVITE sip:+33123@").utf8
        )
        let ok2 = Array(
            String(decoding: Fixtures.okResponse, as: UTF8.self).replacingOccurrences(of: "call-1", with: "call-2").utf8
        )
        try await store.append([
            Fixtures.record(Fixtures.invite(userAgent: "<script>alert(1)</script>"), at: t0, remote: scanner),
            Fixtures.record(busy, at: t0 + second, direction: .sent, remote: scanner),
            Fixtures.record(options, at: t0 + 2 * second, remote: scanner),
            Fixtures.record(phoneInvite, at: t0 + 61 * second, remote: phone),
            Fixtures.record(ok2, at: t0 + 62 * second, direction: .sent, remote: phone),
        ])
        try await store.appendVerdicts([
            Self.verdict(
                at: t0,
                source: scanner,
                method: "INVITE",
                callID: "call-1",
                winner: "Crafted",
                belief: 0.9,
                alert: true,
                labels: "[{\"kind\":\"scanning\",\"confidence\":0.8}]"
            ),
            Self.verdict(
                at: t0 + 2 * second,
                source: scanner,
                method: "OPTIONS",
                callID: "options-1",
                winner: "Crafted",
                belief: 0.95,
                alert: true
            ),
            Self.verdict(
                at: t0 + 61 * second,
                source: phone,
                method: "INVITE",
                callID: "call-2",
                winner: "Normal",
                belief: 0.8,
                alert: false
            ),
        ])
        return store
    }

    @Test func messagesAreNewestFirstWithTheirVerdicts() async throws {
        let store = try await Self.populated()
        let page = try await store.messages(MessageFilter())
        #expect(page.rows.count == 5)
        #expect(page.rows.map { $0.record.summary.callID } == ["call-2", "call-2", "options-1", "call-1", "call-1"])
        #expect(page.rows.map(\.verdict) == [nil, "Normal", "Crafted", nil, "Crafted"])
        #expect(page.next == nil)
    }

    @Test func pagesFollowTheCursor() async throws {
        let store = try await Self.populated()
        var seen: [Int64] = []
        var cursor: MessageCursor?
        repeat {
            let page = try await store.messages(MessageFilter(before: cursor, limit: 2))
            seen += page.rows.compactMap(\.record.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen.count == 5)
        #expect(Set(seen).count == 5)
        #expect(MessageCursor(text: MessageCursor(time: TraceTimestamp(nanosecondsSinceEpoch: 5), id: 7).text)?.id == 7)
        #expect(MessageCursor(text: "5-x") == nil)
    }

    @Test func filtersCombine() async throws {
        let store = try await Self.populated()
        #expect(try await store.messages(MessageFilter(source: "203.0.113.9")).rows.count == 2)
        #expect(try await store.messages(MessageFilter(method: "OPTIONS")).rows.count == 1)
        #expect(try await store.messages(MessageFilter(verdict: "Crafted")).rows.count == 2)
        #expect(try await store.messages(MessageFilter(verdict: "Crafted", direction: .sent)).rows.isEmpty)
        #expect(try await store.messages(MessageFilter(uri: "+33123")).rows.count == 1)
        #expect(try await store.messages(MessageFilter(text: "<script>")).rows.count == 1)
        let since = TraceTimestamp(nanosecondsSinceEpoch: Self.t0 + 60 * Self.second)
        #expect(try await store.messages(MessageFilter(since: since)).rows.count == 2)
    }

    @Test func likeWildcardsInSearchTextAreLiteral() async throws {
        let store = try await Self.populated()
        #expect(try await store.messages(MessageFilter(text: "%")).rows.isEmpty)
        #expect(try await store.messages(MessageFilter(text: "_")).rows.isEmpty)
        #expect(try await store.messages(MessageFilter(text: "call\\")).rows.isEmpty)
        #expect(try await store.messages(MessageFilter(text: "' OR 1=1 --")).rows.isEmpty)
    }

    @Test func callsSummariseEachInvite() async throws {
        let store = try await Self.populated()
        let calls = try await store.calls(since: nil, source: nil, limit: 10)
        #expect(calls.map(\.callID) == ["call-2", "call-1"])
        #expect(calls.map(\.finalStatus) == [200, 486])
        #expect(calls.map(\.messageCount) == [2, 2])
        #expect(calls.map(\.verdict) == ["Normal", "Crafted"])
        #expect(try await store.calls(since: nil, source: "198.51.100.7", limit: 10).map(\.callID) == ["call-1"])
    }

    @Test func sourcesCountReceivedMessages() async throws {
        let store = try await Self.populated()
        let sources = try await store.sources(since: nil, limit: 10)
        #expect(sources.map(\.address) == ["198.51.100.7", "203.0.113.9"])
        #expect(sources.map(\.messages) == [2, 1])
        #expect(sources.map(\.latestVerdict) == ["Crafted", "Normal"])
        #expect(sources.map(\.alerts) == [2, 0])
        #expect(sources.first?.userAgents == 2)
    }

    @Test func seriesFillEveryBucket() async throws {
        let store = try await Self.populated()
        let since = TraceTimestamp(nanosecondsSinceEpoch: Self.t0 - 20 * Self.second)
        let until = TraceTimestamp(nanosecondsSinceEpoch: Self.t0 + 100 * Self.second)
        let messages = try await store.messageSeries(since: since, until: until, bucketSeconds: 60)
        #expect(messages.count == 2 || messages.count == 3)
        let invite = MessageBucket.classes.firstIndex(of: "INVITE")!
        let options = MessageBucket.classes.firstIndex(of: "OPTIONS")!
        #expect(messages.reduce(0) { $0 + $1.counts[invite] } == 2)
        #expect(messages.reduce(0) { $0 + $1.counts[options] } == 1)
        #expect(messages.reduce(0) { $0 + $1.calls } == 2)
        #expect(messages.allSatisfy { $0.start % 60 == 0 })
        let verdicts = try await store.verdictSeries(since: since, until: until, bucketSeconds: 60)
        #expect(verdicts.flatMap(\.counts).reduce(0) { $0 + $1.count } == 3)
        #expect(
            try await store.verdictDistribution(since: nil) == [
                .init(value: "Crafted", count: 2), .init(value: "Normal", count: 1),
            ]
        )
    }

    @Test func topListsGroupCalledNumbersAndAgents() async throws {
        let store = try await Self.populated()
        #expect(
            try await store.topCalledNumbers(since: nil, limit: 10) == [
                .init(value: "+33123", count: 1), .init(value: "100", count: 1),
            ]
        )
        let agents = try await store.topUserAgents(since: nil, limit: 10)
        #expect(Set(agents.map(\.value)) == ["<script>alert(1)</script>", "friendly-scanner", "Yealink SIP-T27G"])
    }

    @Test func alertsGroupBySourceAndVerdictAndAcknowledge() async throws {
        let store = try await Self.populated()
        var alerts = try await store.alerts(AlertFilter())
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.source == "198.51.100.7")
        #expect(alert.count == 2)
        #expect(alert.maximumBelief == 0.95)
        #expect(alert.acknowledged == false)
        #expect(try await store.alerts(AlertFilter(attack: "scanning")).count == 1)
        #expect(try await store.alerts(AlertFilter(attack: "flooding")).isEmpty)
        #expect(try await store.alerts(AlertFilter(verdict: "Suspicious")).isEmpty)

        let now = TraceTimestamp(nanosecondsSinceEpoch: Self.t0 + 100 * Self.second)
        #expect(
            try await store.acknowledgeAlerts(
                source: alert.source,
                winner: "Crafted",
                until: alert.last,
                at: now,
                note: "seen"
            )
        )
        #expect(
            try await store.acknowledgeAlerts(source: "192.0.2.1", winner: "Crafted", until: now, at: now, note: "")
                == false
        )
        #expect(try await store.alerts(AlertFilter(acknowledged: false)).isEmpty)
        alerts = try await store.alerts(AlertFilter(acknowledged: true))
        #expect(alerts.first?.acknowledgementNote == "seen")

        // A later alert of the same group opens it again.
        try await store.appendVerdicts([
            Self.verdict(
                at: Self.t0 + 200 * Self.second,
                source: Self.scanner,
                method: "INVITE",
                callID: "call-3",
                winner: "Crafted",
                belief: 0.7,
                alert: true
            )
        ])
        alerts = try await store.alerts(AlertFilter(acknowledged: false))
        #expect(alerts.map(\.count) == [3])
    }

    @Test func verdictOfAMessageIsFoundByTimeAndSource() async throws {
        let store = try await Self.populated()
        let found = try await store.verdict(at: TraceTimestamp(nanosecondsSinceEpoch: Self.t0), source: "198.51.100.7")
        #expect(found?.callID == "call-1")
        #expect(
            try await store.verdict(at: TraceTimestamp(nanosecondsSinceEpoch: Self.t0), source: "203.0.113.9") == nil
        )
        let id = try #require(found?.id)
        #expect(try await store.verdict(id: id)?.callID == "call-1")
    }
}
