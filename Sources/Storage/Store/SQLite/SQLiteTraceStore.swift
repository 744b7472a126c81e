import Foundation
import GRDB
import Synchronization

/// The single-host ``TraceStore``: SQLite through GRDB, in WAL mode.
///
/// A file store is a GRDB `DatabasePool`: WAL journal, one writer and concurrent readers, so that queries
/// from the CLI or the web UI never wait for the writer. `synchronous` is `FULL`, so every committed
/// ``append(_:)`` survives a power loss (with batched appends this is a few fsyncs a second). The schema is
/// created and upgraded by ``migrator`` when the store opens. Every value is a bound statement argument.
public final class SQLiteTraceStore: TraceStore {
    let writer: any DatabaseWriter

    /// The file path, or `nil` for an in-memory store.
    public let path: String?
    /// The verdict detail rows written last (shared by the verdicts that reuse them).
    let verdictDetails = Mutex(VerdictDetailCache())

    /// Opens (creating if needed) the store at `path`, creating missing parent folders, and migrates it.
    ///
    /// - Throws: ``StorageError`` with code ``StorageError/Code/openFailed``.
    public init(path: String) throws(StorageError) {
        do {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try Self.migrator.migrate(pool)
            self.writer = pool
        } catch {
            throw .openFailed(path, error)
        }
        self.path = path
    }

    private init(inMemory writer: any DatabaseWriter) {
        self.writer = writer
        self.path = nil
    }

    /// A new, empty, migrated store in memory (for tests): no WAL, gone when released.
    ///
    /// - Throws: ``StorageError`` with code ``StorageError/Code/openFailed``.
    public static func inMemory() throws(StorageError) -> SQLiteTraceStore {
        do {
            let queue = try DatabaseQueue(configuration: Self.configuration())
            try Self.migrator.migrate(queue)
            return SQLiteTraceStore(inMemory: queue)
        } catch {
            throw .openFailed(":memory:", error)
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new file (no effect on an existing one): under a flood SQLite's own CPU per
            // message row fell by about a quarter against 4 KiB pages (fewer pages written and split per row of
            // ~1 KB; measured with this schema, 100,000 rows in batches of 4,096).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// The journal mode SQLite reports (`wal` for a file store).
    public func journalMode() async throws -> String {
        try await self.access("journal mode") {
            try await self.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
        }
    }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await self.access("migrations") {
            try await self.writer.read { db in try Self.migrator.appliedMigrations(db) }
        }
    }

    /// Stores `records` in one transaction.
    public func append(_ records: [TraceRecord]) async throws {
        if records.isEmpty { return }
        try await self.access("append") {
            try await self.writer.write { db in
                let insertAnomaly = try db.cachedStatement(sql: Self.insertAnomalySQL)
                // Rows go in by `rowsPerInsert` per statement, the rest by halves (16, 8, …, 1: cached statements),
                // bound column by column (see RowValues). Empty unchecked arguments reset the statement (a bind after
                // a step without reset is a misuse) and mark it bound, so `execute()` keeps our bindings.
                var row = RowValues()
                try Self.forEachInsertChunk(records) { chunk in
                    let count = chunk.count
                    row.reset()
                    for record in chunk { Self.gatherMessageRow(record, into: &row) }
                    let insert = try db.cachedStatement(sql: Self.insertMessagesSQL[count.trailingZeroBitCount])
                    insert.setUncheckedArguments(StatementArguments())
                    try row.execute(insert)
                    // The rows of one INSERT get consecutive ids (one writer, AUTOINCREMENT): the last is reported.
                    guard db.changesCount == count else {
                        throw StorageError.corruptRecord("message insert of \(count) rows", id: db.lastInsertedRowID)
                    }
                    let firstID = db.lastInsertedRowID - Int64(count - 1)
                    for (offset, record) in chunk.enumerated() {
                        for (ordinal, anomaly) in record.anomalies.enumerated() {
                            try insertAnomaly.execute(arguments: [
                                firstID + Int64(offset), ordinal, anomaly.code, anomaly.severity, anomaly.detail,
                                anomaly.offset,
                            ])
                        }
                    }
                }
            }
        }
    }

    /// The records matching `query`, with their anomalies.
    public func query(_ query: TraceQuery) async throws -> [TraceRecord] {
        let (whereSQL, arguments) = Self.filter(query)
        let direction = query.order == .ascending ? "ASC" : "DESC"
        var limitedSQL = "\(Self.selectMessageSQL)\(whereSQL) ORDER BY time_ns \(direction), id \(direction)"
        var limitedArguments = arguments
        if let limit = query.limit {
            limitedSQL += " LIMIT ?"
            limitedArguments += [max(0, limit)]
        }
        let sql = limitedSQL
        let allArguments = limitedArguments
        return try await self.access("query") {
            try await self.writer.read { db in
                let rows = try Row.fetchAll(db, sql: sql, arguments: allArguments)
                return try Self.withAnomalies(rows.map(Self.decode), db)
            }
        }
    }

    /// How many records match `query`.
    public func count(_ query: TraceQuery) async throws -> Int {
        let (whereSQL, arguments) = Self.filter(query)
        return try await self.access("count") {
            try await self.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message\(whereSQL)", arguments: arguments) ?? 0
            }
        }
    }

    /// The record with this id, or `nil`.
    public func record(id: Int64) async throws -> TraceRecord? {
        try await self.access("record") {
            try await self.writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "\(Self.selectMessageSQL) WHERE id = ?", arguments: [id])
                else { return nil }
                return try Self.withAnomalies([Self.decode(row)], db).first
            }
        }
    }

    /// The `WHERE` clause (with a leading space, or empty) and its arguments for `query`'s filters.
    private static func filter(_ query: TraceQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        func add(_ clause: String, _ value: (any DatabaseValueConvertible)?) {
            clauses.append(clause)
            values.append(value)
        }
        if let since = query.since { add("time_ns >= ?", since.nanosecondsSinceEpoch) }
        if let until = query.until { add("time_ns < ?", until.nanosecondsSinceEpoch) }
        if let remote = query.remoteAddress { add("remote_address = ?", remote) }
        if let callID = query.callID {
            add("call_hash = ?", CallIDHash.of(callID))
            add("call_id = ?", callID)
        }
        if let method = query.method { add("method = ?", method) }
        if let direction = query.direction { add("direction = ?", direction.rawValue) }
        if let afterID = query.afterID { add("id > ?", afterID) }
        let sql = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return (sql, StatementArguments(values))
    }

    /// `records` with their anomalies read from the `anomaly` table (in chunks of bound ids).
    private static func withAnomalies(_ records: [TraceRecord], _ db: Database) throws -> [TraceRecord] {
        var anomalies: [Int64: [TraceAnomaly]] = [:]
        let ids = records.compactMap(\.id)
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + 500, ids.count)]
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT message_id, code, severity, detail, byte_offset FROM anomaly
                    WHERE message_id IN (\(marks)) ORDER BY message_id, ordinal
                    """,
                arguments: StatementArguments(Array(chunk))
            )
            while let row = try rows.next() {
                guard let id = Int64.fromDatabaseValue(row[0]), let code = String.fromDatabaseValue(row[1]),
                    let severity = String.fromDatabaseValue(row[2]), let detail = String.fromDatabaseValue(row[3]),
                    let offset = Int.fromDatabaseValue(row[4])
                else { throw StorageError.corruptRecord("anomaly", id: Int64.fromDatabaseValue(row[0])) }
                anomalies[id, default: []].append(
                    TraceAnomaly(code: code, severity: severity, detail: detail, offset: offset)
                )
            }
        }
        return records.map { record in
            guard let id = record.id, let list = anomalies[id] else { return record }
            return record.replacingAnomalies(list)
        }
    }

    /// Runs a database access, turning driver errors into ``StorageError`` (cancellation passes through).
    private func access<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
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
