import Foundation
import GRDB
import Synchronization

// The `verdict` table of migration v2 (see ``SQLiteTraceStore/migrator``). Every value is a bound argument.
extension SQLiteTraceStore: VerdictStore {
    /// The INSERT of 2ⁿ verdict rows at index n, n = 0…log₂ ``rowsPerInsert``; a row's JSON texts are in the
    /// `verdict_detail` row it references (migration v4).
    static let insertVerdictsSQL = SQLiteTraceStore.multiRowInserts(
        """
        INSERT INTO verdict (
            time_ns, transport, source_address, source_port, method, call_id, cseq_number, cseq_method,
            belief_json, winner, winner_belief, alert, explanation_json, attack_labels_json, investigation_json,
            detail_id, call_hash
        ) VALUES\u{20}
        """,
        row: "(?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, '', '', '', ?, ?)"
    )

    static let insertVerdictDetailSQL = """
        INSERT INTO verdict_detail (belief_json, explanation_json, attack_labels_json, investigation_json)
        VALUES (?, ?, ?, ?)
        """

    /// The `verdict` columns with the JSON texts from the detail row when there is one, for ``decodeVerdict(_:)``;
    /// `v` is the verdict, `d` its detail.
    static let selectVerdictSQL = """
        SELECT v.id, v.time_ns, v.transport, v.source_address, v.source_port, v.method, v.call_id, v.cseq_number,
            v.cseq_method, COALESCE(d.belief_json, v.belief_json), v.winner, v.winner_belief, v.alert,
            COALESCE(d.explanation_json, v.explanation_json), COALESCE(d.attack_labels_json, v.attack_labels_json),
            COALESCE(d.investigation_json, v.investigation_json)
        FROM verdict v LEFT JOIN verdict_detail d ON d.id = v.detail_id
        """

    /// Stores `records` in one transaction, ``rowsPerInsert`` rows per statement (the rest by halves) as the
    /// message rows are. Records whose JSON texts equal those of a recent record (a flood's reused verdict) share
    /// one `verdict_detail` row.
    public func appendVerdicts(_ records: [VerdictRecord]) async throws {
        if records.isEmpty { return }
        try await self.verdictAccess("append verdicts") {
            try await self.writer.write { db in
                let insertDetail = try db.cachedStatement(sql: Self.insertVerdictDetailSQL)
                // Ids are remembered only once the transaction commits: a rolled-back detail row is gone.
                var cache = self.verdictDetails.withLock { $0 }
                var row = RowValues()
                try Self.forEachInsertChunk(records) { chunk in
                    row.reset()
                    for record in chunk {
                        let detailID: Int64
                        if let known = cache.id(of: record) {
                            detailID = known
                        } else {
                            try insertDetail.execute(arguments: [
                                Self.beliefJSON(record.belief), record.explanationJSON, record.attackLabelsJSON,
                                record.investigationJSON,
                            ])
                            detailID = db.lastInsertedRowID
                            cache.remember(record, id: detailID)
                        }
                        Self.gatherVerdictRow(record, detailID: detailID, into: &row)
                    }
                    let insert = try db.cachedStatement(sql: Self.insertVerdictsSQL[chunk.count.trailingZeroBitCount])
                    insert.setUncheckedArguments(StatementArguments())
                    try row.execute(insert)
                }
                let committed = cache
                db.afterNextTransaction { _ in self.verdictDetails.withLock { $0 = committed } }
            }
        }
    }

    /// Appends one verdict row (the placeholders of a row of ``insertVerdictsSQL``) to `row`, for
    /// ``RowValues/execute(_:)``.
    static func gatherVerdictRow(_ record: VerdictRecord, detailID: Int64, into row: inout RowValues) {
        let before = row.count
        row.add(record.timestamp.nanosecondsSinceEpoch)
        row.add(record.transport.rawValue)
        row.add(record.source.address)
        row.add(Int64(record.source.port))
        row.add(record.method)
        row.add(record.callID)
        row.add(record.cseqNumber)
        row.add(record.cseqMethod)
        row.add(record.winner)
        row.add(record.winnerBelief)
        row.add(record.alert ? Int64(1) : Int64(0))
        row.add(detailID)
        row.add(CallIDHash.of(record.callID))
        precondition(row.count - before == 13, "a verdict column is not gathered")
    }

    /// The verdicts matching the filters, with ``VerdictRecord/id`` set.
    public func verdicts(
        since: TraceTimestamp?,
        callID: String?,
        limit: Int,
        newestFirst: Bool
    ) async throws
        -> [VerdictRecord]
    {
        var clauses: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        if let since {
            clauses.append("v.time_ns >= ?")
            values.append(since.nanosecondsSinceEpoch)
        }
        if let callID {
            clauses.append("v.call_hash = ? AND v.call_id = ?")
            values.append(CallIDHash.of(callID))
            values.append(callID)
        }
        let direction = newestFirst ? "DESC" : "ASC"
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let sql = "\(Self.selectVerdictSQL)\(whereSQL) ORDER BY v.time_ns \(direction), v.id \(direction) LIMIT ?"
        values.append(max(0, limit))
        let arguments = StatementArguments(values)
        return try await self.verdictAccess("query verdicts") {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.decodeVerdict)
            }
        }
    }

    /// How many verdicts are stored.
    public func verdictCount() async throws -> Int {
        try await self.verdictAccess("count verdicts") {
            try await self.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM verdict") ?? 0 }
        }
    }

    /// The distinct sources of matching verdicts, grouped in SQL (the `verdict_source` index serves the grouping).
    public func verdictSources(
        winners: [String],
        minimumBelief: Double,
        since: TraceTimestamp?,
        limit: Int
    ) async throws
        -> [VerdictSourceSummary]
    {
        let winners = Array(Set(winners).prefix(64))
        if winners.isEmpty || limit <= 0 { return [] }
        var values: [(any DatabaseValueConvertible)?] = winners
        values.append(minimumBelief.isNaN ? 0 : minimumBelief)
        var sql = """
            SELECT source_address, COUNT(*), MAX(winner_belief), MIN(time_ns), MAX(time_ns) FROM verdict
            WHERE winner IN (\(Array(repeating: "?", count: winners.count).joined(separator: ", ")))
            AND winner_belief >= ?
            """
        if let since {
            sql += " AND time_ns >= ?"
            values.append(since.nanosecondsSinceEpoch)
        }
        sql += " GROUP BY source_address ORDER BY source_address LIMIT ?"
        values.append(limit)
        let arguments = StatementArguments(values)
        let query = sql
        return try await self.verdictAccess("query verdict sources") {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: query, arguments: arguments).compactMap { row in
                    guard let address = String.fromDatabaseValue(row[0]), let count = Int.fromDatabaseValue(row[1]),
                        let belief = Double.fromDatabaseValue(row[2]), let first = Int64.fromDatabaseValue(row[3]),
                        let last = Int64.fromDatabaseValue(row[4])
                    else { return nil }
                    return VerdictSourceSummary(
                        address: address,
                        verdicts: count,
                        highestBelief: belief,
                        firstSeen: TraceTimestamp(nanosecondsSinceEpoch: first),
                        lastSeen: TraceTimestamp(nanosecondsSinceEpoch: last)
                    )
                }
            }
        }
    }

    /// `{"states":["Normal",...],"belief":[0.8,...]}`: ordered, and each double written in its shortest
    /// round-trip form so that it reads back equal.
    static func beliefJSON(_ belief: [VerdictRecord.NamedBelief]) -> String {
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                default:
                    if scalar.value < 0x20 {
                        result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
        let states = belief.map { quoted($0.state) }.joined(separator: ",")
        let values = belief.map { $0.belief.isFinite ? "\($0.belief)" : "0" }.joined(separator: ",")
        return "{\"states\":[\(states)],\"belief\":[\(values)]}"
    }

    private struct BeliefJSON: Decodable {
        var states: [String]
        var belief: [Double]
    }

    static func decodeVerdict(_ row: Row) throws -> VerdictRecord {
        let id = Int64.fromDatabaseValue(row[0])
        guard let id, let time = Int64.fromDatabaseValue(row[1]),
            let transportText = String.fromDatabaseValue(row[2]),
            let transport = TraceTransport(rawValue: transportText),
            let address = String.fromDatabaseValue(row[3]), let port = Int.fromDatabaseValue(row[4]),
            let portValue = UInt16(exactly: port), let beliefText = String.fromDatabaseValue(row[9]),
            let parsed = try? JSONDecoder().decode(BeliefJSON.self, from: Data(beliefText.utf8)),
            parsed.states.count == parsed.belief.count,
            let winner = String.fromDatabaseValue(row[10]), let winnerBelief = Double.fromDatabaseValue(row[11]),
            let alert = Bool.fromDatabaseValue(row[12]), let explanation = String.fromDatabaseValue(row[13]),
            let labels = String.fromDatabaseValue(row[14]), let investigation = String.fromDatabaseValue(row[15])
        else { throw StorageError.corruptRecord("verdict", id: id) }
        var record = VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
            transport: transport,
            source: TraceEndpoint(address: address, port: portValue),
            method: String.fromDatabaseValue(row[5]),
            callID: String.fromDatabaseValue(row[6]),
            cseqNumber: Int64.fromDatabaseValue(row[7]),
            cseqMethod: String.fromDatabaseValue(row[8]),
            belief: zip(parsed.states, parsed.belief).map { VerdictRecord.NamedBelief(state: $0, belief: $1) },
            winner: winner,
            winnerBelief: winnerBelief,
            alert: alert,
            explanationJSON: explanation,
            attackLabelsJSON: labels,
            investigationJSON: investigation
        )
        record.id = id
        return record
    }

    /// Runs a database access, turning driver errors into ``StorageError`` (cancellation passes through).
    private func verdictAccess<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StorageError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StorageError.databaseFailure(operation, error)
        }
    }
}
