// The SQLite writer's work for an OPTIONS flood: 1,000 message rows (the 389-byte OPTIONS, alternately as received
// and as sent, each with its own Call-ID and time) appended in one transaction, as the trace writer does, to a new
// file store (WAL, synchronous = FULL). The scaled iteration is one row, so a figure in the table is per row.

import Benchmark
import Foundation
import NIOCore
import SIPCore
import Storage

enum StoreBenchmarks {
    static func register(options: ByteBuffer) {
        Benchmark(
            "Store trace rows (OPTIONS flood)",
            configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 200)
        ) { benchmark in
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("honeyphone-bench-\(ProcessInfo.processInfo.processIdentifier)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteTraceStore(path: folder.appendingPathComponent("traces.sqlite").path)
            let request = try SIPMessageParser.parseDatagram(options)
            let local = TraceEndpoint(address: "127.0.0.1", port: 5060)
            var rows: [TraceRecord] = []
            rows.reserveCapacity(benchmark.scaledIterations.count)
            for i in benchmark.scaledIterations {
                // Distinct Call-IDs and times, as a flood's: the same bytes, a summary that differs per row.
                let base = TraceRecord(
                    message: request,
                    timestamp: TraceTimestamp(nanosecondsSinceEpoch: 1_764_900_000_000_000_000 + Int64(i) * 50_000),
                    direction: i % 2 == 0 ? .received : .sent,
                    transport: .udp,
                    local: local,
                    remote: TraceEndpoint(address: "127.0.0.62", port: UInt16(5_000 + i % 2))
                )
                let s = base.summary
                let summary = TraceSummary(
                    kind: s.kind,
                    method: s.method,
                    statusCode: s.statusCode,
                    reasonPhrase: s.reasonPhrase,
                    requestURI: s.requestURI,
                    callID: "flood-\(i / 2)-3f2a9c0d11e84b7a",
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
            benchmark.startMeasurement()
            try await store.append(rows)
            benchmark.stopMeasurement()
        }
    }
}
