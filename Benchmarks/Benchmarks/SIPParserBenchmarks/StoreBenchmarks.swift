// The SQLite writer's work for an OPTIONS flood: 1,000 message rows (the 389-byte OPTIONS, alternately as received
// and as sent, each pair with its own Call-ID and time) appended in one transaction, as the trace writer does, to a
// file store (WAL, synchronous = FULL). The scaled iteration is one row, so a figure in the table is per row.
//
// Two stores: a new one per iteration ("Store trace rows (OPTIONS flood)"), and one that already holds 200,000 rows
// and grows by the measured rows ("… into a large store"). The second is what a flood meets after ten seconds: its
// indexes span hundreds of pages, so a statement that touches them pays for the pages it touches (the Call-ID hash
// index's keys are random), which a new store hides.

import Benchmark
import Foundation
import NIOCore
import SIPCore
import Storage
import Synchronization

enum StoreBenchmarks {
    static func register(options: ByteBuffer) {
        Benchmark(
            "Store trace rows (OPTIONS flood)",
            configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 200)
        ) { benchmark in
            let folder = Self.folder("new")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteTraceStore(path: folder.appendingPathComponent("traces.sqlite").path)
            let rows = try Self.rows(options, count: benchmark.scaledIterations.count, from: 0)
            benchmark.startMeasurement()
            try await store.append(rows)
            benchmark.stopMeasurement()
        }

        // The store outlives the iterations: made by `setup`, removed by `teardown`.
        let large = Mutex<(store: SQLiteTraceStore, next: Int)?>(nil)
        let largeFolder = Self.folder("large")
        let prefilled = 200_000
        Benchmark(
            "Store trace rows into a large store (OPTIONS flood)",
            configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 100),
            closure: { benchmark in
                guard let (store, next) = large.withLock({ $0 }) else { return }
                let count = benchmark.scaledIterations.count
                let rows = try Self.rows(options, count: count, from: next)
                large.withLock { $0?.next = next + count }
                benchmark.startMeasurement()
                try await store.append(rows)
                benchmark.stopMeasurement()
            },
            setup: {
                try? FileManager.default.removeItem(at: largeFolder)
                let store = try SQLiteTraceStore(path: largeFolder.appendingPathComponent("traces.sqlite").path)
                var next = 0
                while next < prefilled {
                    try await store.append(try Self.rows(options, count: 4_096, from: next))
                    next += 4_096
                }
                large.withLock { $0 = (store, next) }
            },
            teardown: {
                large.withLock { $0 = nil }
                try? FileManager.default.removeItem(at: largeFolder)
            }
        )
    }

    /// A folder of this process for a store.
    private static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("honeyphone-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// `count` records of the OPTIONS, numbered from `first`: alternately received and sent, a Call-ID per pair
    /// (pseudo-random, as a flood's), 50 µs apart.
    private static func rows(_ options: ByteBuffer, count: Int, from first: Int) throws -> [TraceRecord] {
        let request = try SIPMessageParser.parseDatagram(options)
        let local = TraceEndpoint(address: "127.0.0.1", port: 5060)
        var rows: [TraceRecord] = []
        rows.reserveCapacity(count)
        for i in first..<first + count {
            let base = TraceRecord(
                message: request,
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: 1_764_900_000_000_000_000 + Int64(i) * 50_000),
                direction: i % 2 == 0 ? .received : .sent,
                transport: .udp,
                local: local,
                remote: TraceEndpoint(address: "127.0.0.62", port: UInt16(5_000 + i % 2))
            )
            let s = base.summary
            // A multiplicative hash of the pair's number: distinct and spread like random Call-IDs.
            let scrambled = UInt64(i / 2) &* 0x9E37_79B9_7F4A_7C15
            let summary = TraceSummary(
                kind: s.kind,
                method: s.method,
                statusCode: s.statusCode,
                reasonPhrase: s.reasonPhrase,
                requestURI: s.requestURI,
                callID: "flood-\(String(scrambled, radix: 16))-3f2a9c0d11e84b7a",
                cseqNumber: s.cseqNumber,
                cseqMethod: s.cseqMethod,
                fromURI: s.fromURI,
                fromTag: s.fromTag,
                toURI: s.toURI,
                toTag: s.toTag,
                contactURI: s.contactURI,
                userAgent: s.userAgent,
                parseErrorCode: s.parseErrorCode
            )
            rows.append(
                TraceRecord(
                    timestamp: base.timestamp,
                    direction: base.direction,
                    transport: base.transport,
                    local: base.local,
                    remote: base.remote,
                    raw: base.raw,
                    summary: summary
                )
            )
        }
        return rows
    }
}
