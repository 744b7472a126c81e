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
