import Foundation
import GRDB
import Testing

@testable import Storage

@Suite struct VerdictStoreTests {
    static func record(callID: String = "abc@host", time: Int64 = 1_700_000_000_000_000_000) -> VerdictRecord {
        VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
            transport: .udp,
            source: TraceEndpoint(address: "192.0.2.7", port: 5062),
            method: "INVITE",
            callID: callID,
            cseqNumber: 314_159,
            cseqMethod: "INVITE",
            belief: [
                .init(state: "Normal", belief: 0.1),
                .init(state: "Suspicious", belief: 0.2),
                .init(state: "Crafted", belief: 0.7000000000000001),
            ],
            winner: "Crafted",
            winnerBelief: 0.7000000000000001,
            alert: true,
            explanationJSON: "{\"prior\":[0.27,0.36,0.36]}",
            attackLabelsJSON: "[{\"kind\":\"scanning\"}]",
            investigationJSON: "{\"hosts\":[]}"
        )
    }

    @Test func roundTrip() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let stored = Self.record()
        try await store.appendVerdicts([stored, Self.record(callID: "other", time: 1_700_000_001_000_000_000)])
        #expect(try await store.verdictCount() == 2)
        let read = try await store.verdicts(since: nil, callID: "abc@host", limit: 10, newestFirst: false)
        #expect(read.count == 1)
        let first = try #require(read.first)
        #expect(first.id != nil)
        var expected = stored
        expected.id = first.id
        #expect(first == expected)
        let newest = try await store.verdicts(since: nil, callID: nil, limit: 1, newestFirst: true)
        #expect(newest.map(\.callID) == ["other"])
    }

    @Test func hostileTextIsBoundedAndReadsBackEqual() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let hostile = Self.record(callID: "a\u{0}b\"'); DROP TABLE verdict; --" + String(repeating: "x", count: 5_000))
        try await store.appendVerdicts([hostile])
        let read = try #require(try await store.verdicts(since: nil, callID: nil, limit: 5, newestFirst: false).first)
        #expect(read.callID == hostile.callID)
        #expect((read.callID?.utf8.count ?? 0) <= TraceLimits.maxFieldLength)
        #expect(try await store.verdictCount() == 1)
    }

    @Test func migratesAVersion1Database() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let path = directory.file("v1.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteTraceStore.migrator.migrate(queue, upTo: "v1")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO message (time_ns, direction, transport, local_address, local_port, remote_address,
                            remote_port, kind, raw) VALUES (1, 'received', 'udp', '127.0.0.1', 5060, '192.0.2.1', 5060,
                            'request', x'00')
                        """
                )
            }
            let tables = try await queue.read { db in try db.tableExists("verdict") }
            #expect(!tables)
        }
        let store = try SQLiteTraceStore(path: path)
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3"])
        #expect(try await store.count(TraceQuery()) == 1)
        try await store.appendVerdicts([Self.record()])
        #expect(try await store.verdictCount() == 1)
    }
}

@Suite struct VerdictSourcesTests {
    static func record(_ address: String, _ winner: String, _ belief: Double, _ second: Int64) -> VerdictRecord {
        VerdictRecord(
            timestamp: TraceTimestamp(secondsSinceEpoch: second),
            transport: .udp,
            source: TraceEndpoint(address: address, port: 5060),
            method: "INVITE",
            callID: "c\(second)",
            cseqNumber: 1,
            cseqMethod: "INVITE",
            belief: [.init(state: winner, belief: belief)],
            winner: winner,
            winnerBelief: belief,
            alert: belief >= 0.6,
            explanationJSON: "{}",
            attackLabelsJSON: "[]",
            investigationJSON: "{}"
        )
    }

    static let records = [
        record("198.51.100.7", "Crafted", 0.95, 100), record("198.51.100.7", "Crafted", 0.85, 200),
        record("203.0.113.9", "Suspicious", 0.81, 150), record("203.0.113.10", "Suspicious", 0.79, 150),
        record("192.0.2.1", "Normal", 0.99, 150), record("2001:db8::5", "Crafted", 0.9, 300),
        record("' OR 1=1 --", "Crafted", 0.9, 300),
    ]

    /// The SQL driver and the protocol's default give the same answer.
    struct Grouping: VerdictStore {
        let inner: SQLiteTraceStore
        func appendVerdicts(_ records: [VerdictRecord]) async throws { try await self.inner.appendVerdicts(records) }
        func verdicts(
            since: TraceTimestamp?,
            callID: String?,
            limit: Int,
            newestFirst: Bool
        ) async throws
            -> [VerdictRecord]
        {
            try await self.inner.verdicts(since: since, callID: callID, limit: limit, newestFirst: newestFirst)
        }
        func verdictCount() async throws -> Int { try await self.inner.verdictCount() }
    }

    @Test func groupsBySource() async throws {
        let store = try SQLiteTraceStore.inMemory()
        try await store.appendVerdicts(Self.records)
        for candidate in [store as any VerdictStore, Grouping(inner: store)] {
            let sources = try await candidate.verdictSources(
                winners: ["Suspicious", "Crafted"],
                minimumBelief: 0.8,
                since: nil,
                limit: 100
            )
            #expect(sources.map(\.address) == ["' OR 1=1 --", "198.51.100.7", "2001:db8::5", "203.0.113.9"])
            let first = try #require(sources.first { $0.address == "198.51.100.7" })
            #expect(first.verdicts == 2 && first.highestBelief == 0.95)
            #expect(first.firstSeen.seconds == 100 && first.lastSeen.seconds == 200)
            let recent = try await candidate.verdictSources(
                winners: ["Crafted"],
                minimumBelief: 0.8,
                since: TraceTimestamp(secondsSinceEpoch: 250),
                limit: 1
            )
            #expect(recent.map(\.address) == ["' OR 1=1 --"])
            #expect(try await candidate.verdictSources(winners: [], minimumBelief: 0, since: nil, limit: 10).isEmpty)
        }
    }
}
