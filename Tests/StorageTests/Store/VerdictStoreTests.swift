import Foundation
import GRDB
import Testing

@testable import Storage

@Suite struct VerdictStoreTests {
    static func record(
        callID: String = "abc@host",
        time: Int64 = 1_700_000_000_000_000_000,
        investigation: String = "{\"hosts\":[]}"
    ) -> VerdictRecord {
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
            investigationJSON: investigation
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
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5"])
        #expect(try await store.count(TraceQuery()) == 1)
        try await store.appendVerdicts([Self.record()])
        #expect(try await store.verdictCount() == 1)
    }

    @Test func verdictsWithTheSameTextsShareOneDetailRow() async throws {
        let store = try SQLiteTraceStore.inMemory()
        // A flood's repeats: same texts, other Call-IDs and times; written over two transactions.
        let flood = (0..<300).map { Self.record(callID: "flood-\($0)", time: 1_700_000_000_000_000_000 + Int64($0)) }
        try await store.appendVerdicts(Array(flood[..<100]))
        try await store.appendVerdicts(Array(flood[100...]))
        let different = Self.record(
            callID: "other",
            time: 1_800_000_000_000_000_000,
            investigation: "{\"hosts\":[\"192.0.2.7\"]}"
        )
        try await store.appendVerdicts([different])
        let details = try await store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM verdict_detail")
        }
        #expect(details == 2)
        let inline = try await store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(LENGTH(explanation_json) + LENGTH(investigation_json)) FROM verdict")
        }
        #expect(inline == 0)
        let read = try await store.verdicts(since: nil, callID: nil, limit: 1_000, newestFirst: false)
        #expect(read.count == 301)
        for (record, expected) in zip(read, flood + [different]) {
            var withID = expected
            withID.id = record.id
            #expect(record == withID)
        }
        let alerts = try await store.alerts(AlertFilter(attack: "scanning"))
        #expect(alerts.first?.count == 301)
        #expect(alerts.first?.latestAttackLabelsJSON == "[{\"kind\":\"scanning\"}]")
    }

    @Test func verdictsWithNewTextsInsideAMultiRowInsertKeepTheirOwnTexts() async throws {
        // Rows go in many per INSERT; detail rows made for records in the middle of one must be the ones their
        // verdicts reference. Texts cycle through five values, the fifth unique to each record.
        let store = try SQLiteTraceStore.inMemory()
        let records = (0..<70).map { index in
            Self.record(
                callID: "mixed-\(index)",
                time: 1_700_000_000_000_000_000 + Int64(index),
                investigation: index % 5 == 4 ? "{\"unique\":\(index)}" : "{\"hosts\":[\(index % 5)]}"
            )
        }
        try await store.appendVerdicts(records)
        let read = try await store.verdicts(since: nil, callID: nil, limit: 100, newestFirst: false)
        #expect(read.count == 70)
        for (record, expected) in zip(read, records) {
            var withID = expected
            withID.id = record.id
            #expect(record == withID)
        }
        let details = try await store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM verdict_detail")
        }
        #expect(details == 4 + 14)
    }

    @Test func aRolledBackDetailRowIsNotReused() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let first = Self.record(callID: "one")
        // The batch fails after its detail row was inserted (a trigger refuses the second row): nothing is kept.
        let broken = Self.record(callID: "two")
        await #expect(throws: (any Error).self) {
            try await store.writer.write { db in
                try db.execute(
                    sql:
                        "CREATE TRIGGER fail BEFORE INSERT ON verdict WHEN NEW.call_id = 'two' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
            }
            try await store.appendVerdicts([first, broken])
        }
        #expect(try await store.verdictCount() == 0)
        try await store.writer.write { db in try db.execute(sql: "DROP TRIGGER fail") }
        try await store.appendVerdicts([first])
        let read = try #require(try await store.verdicts(since: nil, callID: nil, limit: 5, newestFirst: false).first)
        #expect(read.explanationJSON == first.explanationJSON && read.investigationJSON == first.investigationJSON)
    }

    @Test func rowsWrittenBeforeVersion4KeepTheirInlineTexts() async throws {
        let store = try SQLiteTraceStore.inMemory()
        try await store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO verdict (time_ns, transport, source_address, source_port, method, call_id, cseq_number,
                        cseq_method, belief_json, winner, winner_belief, alert, explanation_json, attack_labels_json,
                        investigation_json)
                    VALUES (5, 'udp', '192.0.2.9', 5060, 'OPTIONS', 'old', 1, 'OPTIONS',
                        '{"states":["Normal"],"belief":[1.0]}', 'Normal', 1.0, 1, '{"old":1}', '[{"kind":"scanning"}]',
                        '{"hosts":[]}')
                    """
            )
        }
        let read = try #require(try await store.verdicts(since: nil, callID: nil, limit: 5, newestFirst: false).first)
        #expect(read.explanationJSON == "{\"old\":1}" && read.investigationJSON == "{\"hosts\":[]}")
        #expect(read.belief == [.init(state: "Normal", belief: 1.0)])
        #expect(try await store.alerts(AlertFilter(attack: "scanning")).first?.count == 1)
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
