import Foundation
import GRDB
import Testing

@testable import Storage

@Suite struct CallIDHashTests {
    @Test func isSixtyFourBitFNV1a() {
        // Published FNV-1a 64 test vectors.
        #expect(CallIDHash.of("") == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
        #expect(CallIDHash.of("a") == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
        #expect(CallIDHash.of("foobar") == Int64(bitPattern: 0x8594_4171_f739_67e8))
        #expect(CallIDHash.of(nil) == nil)
    }

    @Test func aVersion4DatabaseGetsItsHashesAndLookupsUseTheIntegerIndex() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let path = directory.file("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteTraceStore.migrator.migrate(queue, upTo: "v4")
            try await queue.write { db in
                for (index, callID) in ["old-1@host", "old-2@host", "ünïcode@host"].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO message (time_ns, direction, transport, local_address, local_port,
                                remote_address, remote_port, kind, method, call_id, raw)
                            VALUES (?, 'received', 'udp', '127.0.0.1', 5060, '192.0.2.1', 5060, 'request', 'INVITE', ?,
                                x'00')
                            """,
                        arguments: [index + 1, callID]
                    )
                    try db.execute(
                        sql: """
                            INSERT INTO verdict (time_ns, transport, source_address, source_port, method, call_id,
                                belief_json, winner, winner_belief, alert, explanation_json, attack_labels_json,
                                investigation_json)
                            VALUES (?, 'udp', '192.0.2.1', 5060, 'INVITE', ?, '{"states":["Normal"],"belief":[1.0]}',
                                'Normal', 1.0, 0, '{}', '[]', '{}')
                            """,
                        arguments: [index + 1, callID]
                    )
                }
            }
        }
        let store = try SQLiteTraceStore(path: path)
        #expect(try await store.appliedMigrations().last == "v5")
        let hashes = try await store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT call_id, call_hash FROM message UNION ALL SELECT call_id, call_hash FROM verdict"
            )
        }
        #expect(hashes.count == 6)
        for row in hashes {
            let callID: String = row[0]
            let hash: Int64? = row[1]
            #expect(hash == CallIDHash.of(callID), "\(callID)")
        }
        #expect(try await store.query(TraceQuery(callID: "ünïcode@host")).count == 1)
        #expect(try await store.query(TraceQuery(callID: "old-9@host")).isEmpty)
        #expect(try await store.verdicts(since: nil, callID: "old-2@host", limit: 5, newestFirst: false).count == 1)
        // New rows get their hash too, and the lookups go through the integer indexes.
        try await store.append([Fixtures.record(Fixtures.invite(callID: "new@host"), at: 9)])
        #expect(try await store.query(TraceQuery(callID: "new@host")).count == 1)
        let plans = try await store.writer.read { db in
            [
                try Row.fetchAll(
                    db,
                    sql: "EXPLAIN QUERY PLAN SELECT id FROM message WHERE call_hash = ? AND call_id = ?",
                    arguments: [1, "x"]
                ),
                try Row.fetchAll(
                    db,
                    sql: "EXPLAIN QUERY PLAN SELECT id FROM verdict WHERE call_hash = ? AND call_id = ?",
                    arguments: [1, "x"]
                ),
            ].map { rows in rows.map { String(describing: $0["detail"] as String? ?? "") }.joined(separator: " ") }
        }
        #expect(plans[0].contains("message_call_hash"))
        #expect(plans[1].contains("verdict_call_hash"))
        let indexes = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%call%'")
        }
        #expect(Set(indexes) == ["message_call_hash", "verdict_call_hash"])
    }
}
