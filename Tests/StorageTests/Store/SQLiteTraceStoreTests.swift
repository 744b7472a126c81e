import Foundation
import GRDB
import Testing

@testable import Storage

@Suite struct SQLiteTraceStoreTests {
    @Test func freshFileIsMigratedInWALMode() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("nested/deeper/traces.sqlite")
        let store = try SQLiteTraceStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try await store.journalMode() == "wal")
        #expect(try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16_384)
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5"])
        #expect(SQLiteTraceStore.migrationNames == ["v1", "v2", "v3", "v4", "v5"])
        try await store.append([Fixtures.record(Fixtures.invite())])

        let reopened = try SQLiteTraceStore(path: path)
        #expect(try await reopened.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5"])
        #expect(try await reopened.count(TraceQuery()) == 1)
    }

    @Test func openingAFileThatIsNotADatabaseFails() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("garbage.sqlite")
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 4_096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteTraceStore(path: path)
        } throws: { error in
            (error as? StorageError)?.code == .openFailed
        }
    }

    @Test func recordsRoundTripExactly() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let records = [
            Fixtures.record(Fixtures.invite(), at: 1),
            Fixtures.record(Fixtures.okResponse, at: 2, direction: .sent),
            Fixtures.record([0x16, 0x03, 0x01, 0x00], at: 3, transport: .tls),
            TraceRecord(
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: 4),
                direction: .received,
                transport: .wss,
                local: TraceEndpoint(address: "2001:db8::1", port: 443),
                remote: TraceEndpoint(address: "2001:db8::2", port: 50_000),
                raw: Array(0...255),
                summary: TraceSummary(kind: .request, method: "REGISTER", statusCode: nil, cseqNumber: .max),
                anomalies: [TraceAnomaly(code: "x", severity: "warning", detail: "d", offset: 7)],
                dialogID: "dialog-1",
                registrationID: "registration-1"
            ),
            // Empty text stays empty (not NULL), no bytes stay an empty blob, and text beyond ASCII and longer
            // than a small string round-trips byte for byte.
            TraceRecord(
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: 5),
                direction: .received,
                transport: .udp,
                local: TraceEndpoint(address: "", port: 0),
                remote: TraceEndpoint(address: "192.0.2.1", port: 1),
                raw: [],
                summary: TraceSummary(
                    kind: .request,
                    method: "",
                    requestURI: "sip:ü@例え.jp;x=\u{1F600}",
                    callID: String(repeating: "c", count: 300),
                    userAgent: "é"
                ),
                dialogID: ""
            ),
        ]
        try await store.append(records)
        let read = try await store.query(TraceQuery())
        #expect(read.map(\.withoutID) == records)
        #expect(read.allSatisfy { $0.id != nil })
        #expect(Set(read.compactMap(\.id)).count == 5)
        #expect(read[4].summary.method == "" && read[4].dialogID == "" && read[4].raw.isEmpty)
        #expect(read[2].anomalies.first?.code == "not-sip")

        let one = try await store.record(id: try #require(read[3].id))
        #expect(one == read[3])
        #expect(try await store.record(id: 999) == nil)
    }

    @Test(arguments: [
        "it's \"quoted\"",
        "'; DROP TABLE message; --",
        "\"); DELETE FROM anomaly; --",
        "nul\u{2400}inside",  // U+2400 stands for NUL in the test name; the test puts a real NUL there
        "%s%n%x \\ \u{7}",
    ])
    func attackerStringsAreInert(_ name: String) async throws {
        let text = name.replacingOccurrences(of: "\u{2400}", with: "\u{0}")
        let store = try SQLiteTraceStore.inMemory()
        var raw = Fixtures.invite(callID: "c-1", userAgent: text.replacingOccurrences(of: "\u{0}", with: ""))
        raw += [0x00, 0xff, 0xfe, 0xc3, 0x28]  // trailing NUL and invalid UTF-8 in the raw bytes
        let record = TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 10),
            direction: .received,
            transport: .udp,
            local: Fixtures.local,
            remote: Fixtures.remote,
            raw: raw,
            summary: TraceSummary(kind: .request, method: text, callID: text, userAgent: text),
            anomalies: [TraceAnomaly(code: text, severity: "error", detail: text, offset: 0)],
            dialogID: text
        )
        try await store.append([record, Fixtures.record(Fixtures.invite(), at: 11)])

        let read = try await store.query(TraceQuery())
        #expect(read.count == 2)
        #expect(read.first?.withoutID == record)
        #expect(read.first?.raw == raw)
        let expected = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        #expect(read.first?.summary.callID == expected)
        #expect(try await store.count(TraceQuery(callID: expected)) == 1)
        #expect(try await store.count(TraceQuery(method: expected)) == 1)
        #expect(try await store.count(TraceQuery(callID: "' OR '1'='1")) == 0)
    }

    @Test func filtersAndOrder() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let other = TraceEndpoint(address: "203.0.113.9", port: 5060)
        try await store.append([
            Fixtures.record(Fixtures.invite(callID: "a"), at: 100),
            Fixtures.record(Fixtures.okResponse, at: 200, direction: .sent),
            Fixtures.record(Fixtures.invite(callID: "b"), at: 300, remote: other),
            Fixtures.record(Fixtures.invite(callID: "a"), at: 400, remote: other),
            Fixtures.record(Fixtures.invite(callID: "c"), at: 500),
        ])
        func times(_ query: TraceQuery) async throws -> [Int64] {
            try await store.query(query).map(\.timestamp.nanosecondsSinceEpoch)
        }
        #expect(try await times(TraceQuery()) == [100, 200, 300, 400, 500])
        #expect(try await times(TraceQuery(order: .descending)) == [500, 400, 300, 200, 100])
        #expect(try await times(TraceQuery(since: .init(nanosecondsSinceEpoch: 200))) == [200, 300, 400, 500])
        #expect(try await times(TraceQuery(until: .init(nanosecondsSinceEpoch: 300))) == [100, 200])
        #expect(try await times(TraceQuery(remoteAddress: "203.0.113.9")) == [300, 400])
        #expect(try await times(TraceQuery(callID: "a")) == [100, 400])
        #expect(try await times(TraceQuery(callID: "call-1")) == [200])
        #expect(try await times(TraceQuery(method: "INVITE", limit: 2)) == [100, 300])
        #expect(try await times(TraceQuery(direction: .sent)) == [200])
        #expect(try await times(TraceQuery(limit: 0)) == [])
        #expect(try await times(TraceQuery(limit: nil, order: .descending)) == [500, 400, 300, 200, 100])
        #expect(try await store.count(TraceQuery(method: "INVITE", limit: 1)) == 4)
        let second = try #require(try await store.query(TraceQuery(limit: 2)).last?.id)
        #expect(try await times(TraceQuery(afterID: second)) == [300, 400, 500])
        #expect(
            try await times(TraceQuery(since: .init(nanosecondsSinceEpoch: 150), remoteAddress: "198.51.100.7"))
                == [200, 500]
        )
    }

    @Test(arguments: [1, 31, 32, 33, 64, 100])
    func anomaliesStayWithTheirRecordsAcrossMultiRowInserts(count: Int) async throws {
        // Rows go in many per INSERT; each record's anomalies must reference its own id, whichever statement and
        // position it was in. Every third record carries anomalies naming its index.
        let store = try SQLiteTraceStore.inMemory()
        let records = (0..<count).map { index in
            let plain = Fixtures.plain(index)
            return TraceRecord(
                timestamp: plain.timestamp,
                direction: plain.direction,
                transport: plain.transport,
                local: plain.local,
                remote: plain.remote,
                raw: plain.raw,
                summary: plain.summary,
                anomalies: index % 3 == 0
                    ? [
                        TraceAnomaly(code: "a\(index)", severity: "error", detail: "first", offset: index),
                        TraceAnomaly(code: "b\(index)", severity: "warning", detail: "second", offset: 0),
                    ] : []
            )
        }
        try await store.append(records)
        let read = try await store.query(TraceQuery())
        #expect(read.map(\.withoutID) == records)
        #expect(Set(read.compactMap(\.id)).count == count)
        for record in read {
            let id = try #require(record.id)
            #expect(try await store.record(id: id) == record)
        }
    }

    @Test func appendingNothingIsANoOp() async throws {
        let store = try SQLiteTraceStore.inMemory()
        try await store.append([])
        #expect(try await store.count(TraceQuery()) == 0)
    }

    /// A smoke test, not a benchmark: 100,000 records in batches of 4,096 (as the writer sends them).
    @Test func appendsOneHundredThousandRecords() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteTraceStore(path: directory.file("volume.sqlite"))
        let records = (0..<100_000).map { Fixtures.plain($0, rawSize: 400) }
        let clock = ContinuousClock()
        let start = clock.now
        var index = 0
        while index < records.count {
            let end = min(index + 4_096, records.count)
            try await store.append(Array(records[index..<end]))
            index = end
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("SQLiteTraceStore: 100,000 records in \(elapsed), \(Int(100_000 / seconds)) records/s")
        #expect(try await store.count(TraceQuery()) == 100_000)
        let last = try await store.query(TraceQuery(limit: 1, order: .descending))
        #expect(last.first?.withoutID == records.last)
    }
}
