import Foundation
import GRDB
import GRDBSQLite

extension SQLiteTraceStore {
    /// The `message` columns, in the order of ``insertMessagesSQL``' values and ``decode(_:)``'s indexes.
    static let messageColumns = [
        "time_ns", "direction", "transport", "local_address", "local_port", "remote_address", "remote_port",
        "kind", "method", "status_code", "reason_phrase", "request_uri", "call_id", "cseq_number", "cseq_method",
        "from_uri", "from_tag", "to_uri", "to_tag", "contact_uri", "user_agent", "parse_error_code", "dialog_id",
        "registration_id", "raw", "call_hash",
    ]

    /// Message rows per INSERT statement under load: a statement's execution (its cursors on the table and its five
    /// indexes, GRDB's bookkeeping) is paid once for them. 32 × 26 placeholders, far below SQLite's 32,766. A power
    /// of two.
    static let rowsPerInsert = 32

    /// The INSERT of 2ⁿ `message` rows at index n, n = 0…log₂ ``rowsPerInsert`` (all ``messageColumns``, bound,
    /// row after row).
    static let insertMessagesSQL = SQLiteTraceStore.multiRowInserts(
        "INSERT INTO message (\(messageColumns.joined(separator: ", "))) VALUES ",
        row: "(" + Array(repeating: "?", count: messageColumns.count).joined(separator: ", ") + ")"
    )

    /// `head` followed by 2ⁿ times `row`, comma-separated, at index n = 0…log₂ ``rowsPerInsert``.
    static func multiRowInserts(_ head: String, row: String) -> [String] {
        (0...Self.rowsPerInsert.trailingZeroBitCount).map { power in
            head + Array(repeating: row, count: 1 << power).joined(separator: ", ")
        }
    }

    /// Runs `body` on consecutive chunks of `records` that cover it in order: ``rowsPerInsert`` records while that
    /// many remain, then halves (16, 8, …, 1), so that every chunk has a cached statement of its size.
    static func forEachInsertChunk<T>(_ records: [T], _ body: (ArraySlice<T>) throws -> Void) rethrows {
        var start = records.startIndex
        while start < records.endIndex {
            var count = Self.rowsPerInsert
            while count > records.endIndex - start { count /= 2 }
            try body(records[start..<start + count])
            start += count
        }
    }

    /// Inserts one `anomaly` row (bound).
    static let insertAnomalySQL =
        "INSERT INTO anomaly (message_id, ordinal, code, severity, detail, byte_offset) VALUES (?, ?, ?, ?, ?, ?)"

    /// Selects `id` and every ``messageColumns`` column, for ``decode(_:)``.
    static let selectMessageSQL = "SELECT id, \(messageColumns.joined(separator: ", ")) FROM message"

    /// Appends the values of one record's `message` row (``messageColumns``' order) to `row`, for
    /// ``RowValues/execute(_:)`` of one of ``insertMessagesSQL``.
    static func gatherMessageRow(_ record: TraceRecord, into row: inout RowValues) {
        let s = record.summary
        let before = row.count
        row.add(record.timestamp.nanosecondsSinceEpoch)
        row.add(record.direction.rawValue)
        row.add(record.transport.rawValue)
        row.add(record.local.address)
        row.add(Int64(record.local.port))
        row.add(record.remote.address)
        row.add(Int64(record.remote.port))
        row.add(s.kind.rawValue)
        row.add(s.method)
        row.add(s.statusCode.map { Int64($0) })
        row.add(s.reasonPhrase)
        row.add(s.requestURI)
        row.add(s.callID)
        row.add(s.cseqNumber.map { Int64($0) })
        row.add(s.cseqMethod)
        row.add(s.fromURI)
        row.add(s.fromTag)
        row.add(s.toURI)
        row.add(s.toTag)
        row.add(s.contactURI)
        row.add(s.userAgent)
        row.add(s.parseErrorCode)
        row.add(record.dialogID)
        row.add(record.registrationID)
        row.add(bytes: record.raw)
        row.add(CallIDHash.of(s.callID))
        precondition(row.count - before == Self.messageColumns.count, "a message column is not gathered")
    }

    /// Decodes a row of ``selectMessageSQL`` (anomalies are added by the caller).
    static func decode(_ row: Row) throws(StorageError) -> TraceRecord {
        let r = RowReader(row: row, id: Int64.fromDatabaseValue(row[0]))
        guard let id = r.id else { throw .corruptRecord("id", id: nil) }
        let summary = TraceSummary(
            kind: try r.enumeration(8, "kind", TraceKind.self),
            method: try r.string(9, "method"),
            statusCode: try r.int(10, "status_code").map { Int($0) },
            reasonPhrase: try r.string(11, "reason_phrase"),
            requestURI: try r.string(12, "request_uri"),
            callID: try r.string(13, "call_id"),
            cseqNumber: try r.int(14, "cseq_number").map { UInt32(truncatingIfNeeded: $0) },
            cseqMethod: try r.string(15, "cseq_method"),
            fromURI: try r.string(16, "from_uri"),
            fromTag: try r.string(17, "from_tag"),
            toURI: try r.string(18, "to_uri"),
            toTag: try r.string(19, "to_tag"),
            contactURI: try r.string(20, "contact_uri"),
            userAgent: try r.string(21, "user_agent"),
            parseErrorCode: try r.string(22, "parse_error_code")
        )
        guard let raw = Data.fromDatabaseValue(row[25]) else { throw .corruptRecord("raw", id: id) }
        return TraceRecord(
            id: id,
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: try r.required(r.int(1, "time_ns"), "time_ns")),
            direction: try r.enumeration(2, "direction", TraceDirection.self),
            transport: try r.enumeration(3, "transport", TraceTransport.self),
            local: try r.endpoint(4, "local"),
            remote: try r.endpoint(6, "remote"),
            raw: [UInt8](raw),
            summary: summary,
            dialogID: try r.string(23, "dialog_id"),
            registrationID: try r.string(24, "registration_id")
        )
    }
}

/// The values of the rows of one INSERT, bound to a statement's placeholders in order without boxing them (building
/// `StatementArguments`, an array of boxed values per row, was most of the writer's CPU under a flood) and without
/// a copy: the texts and bytes of the rows are gathered in one buffer, kept for reuse by the next statement, and
/// SQLite reads them in place (`SQLITE_STATIC`) while the rows are inserted. GRDB's own `String` binding passed each value
/// as a C string, which copied every small string into a new array, and let SQLite copy it again (47 → 30 mallocs
/// and about 7.6 → 6.4 µs per message row in the "Store trace rows" benchmark).
struct RowValues {
    private enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
        case blob(start: Int, count: Int)
    }

    private var values: [Value] = []
    /// The texts and bytes; never empty (a first byte gives every range, even an empty one, a real address:
    /// SQLite binds NULL for a NULL pointer).
    private var bytes: [UInt8] = [0]

    /// The values gathered since the last reset.
    var count: Int { self.values.count }

    /// Starts a new statement's rows (keeping the storage).
    mutating func reset() {
        self.values.removeAll(keepingCapacity: true)
        self.bytes.removeAll(keepingCapacity: true)
        self.bytes.append(0)
    }

    /// An integer, NULL for `nil`.
    mutating func add(_ value: Int64?) {
        self.values.append(value.map { .integer($0) } ?? .null)
    }

    /// A real number, NULL for `nil`.
    mutating func add(_ value: Double?) {
        self.values.append(value.map { .real($0) } ?? .null)
    }

    /// UTF-8 text, NULL for `nil` (an empty text stays an empty text).
    mutating func add(_ value: String?) {
        guard var text = value else { return self.values.append(.null) }
        let start = self.bytes.count
        text.withUTF8 { self.bytes.append(contentsOf: $0) }
        self.values.append(.text(start: start, count: self.bytes.count - start))
    }

    /// Bytes as a blob (empty for no bytes, never NULL).
    mutating func add(bytes: [UInt8]) {
        let start = self.bytes.count
        self.bytes.append(contentsOf: bytes)
        self.values.append(.blob(start: start, count: bytes.count))
    }

    /// Binds the gathered values to `statement`'s placeholders (reset and marked bound by the caller) and runs it.
    /// The bound texts point into this row's buffer, which stays unchanged until the statement has run.
    func execute(_ statement: Statement) throws {
        let handle = statement.sqliteStatement
        try self.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (offset, value) in self.values.enumerated() {
                let index = CInt(offset + 1)
                let code: CInt
                switch value {
                case .null:
                    code = sqlite3_bind_null(handle, index)
                case .integer(let integer):
                    code = sqlite3_bind_int64(handle, index, integer)
                case .real(let real):
                    code = sqlite3_bind_double(handle, index, real)
                case .text(let start, let count):
                    code = UnsafeRawPointer(base + start).withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
                        sqlite3_bind_text(handle, index, $0, CInt(count), nil)
                    }
                case .blob(let start, let count):
                    code = sqlite3_bind_blob(handle, index, base + start, CInt(count), nil)
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: "binding column \(index) failed"
                    )
                }
            }
            try statement.execute()
        }
    }
}

/// Reads typed columns from a row without trapping: a value of the wrong type is a ``StorageError``.
private struct RowReader {
    /// The row being read.
    let row: Row
    /// The row's id, for error messages.
    let id: Int64?

    /// The text at `index`, `nil` for NULL.
    func string(_ index: Int, _ name: String) throws(StorageError) -> String? {
        let value: DatabaseValue = self.row[index]
        if value.isNull { return nil }
        guard let string = String.fromDatabaseValue(value) else { throw .corruptRecord(name, id: self.id) }
        return string
    }

    /// The integer at `index`, `nil` for NULL.
    func int(_ index: Int, _ name: String) throws(StorageError) -> Int64? {
        let value: DatabaseValue = self.row[index]
        if value.isNull { return nil }
        guard let int = Int64.fromDatabaseValue(value) else { throw .corruptRecord(name, id: self.id) }
        return int
    }

    /// `value`, or an error naming the column if it is `nil`.
    func required<T>(_ value: T?, _ name: String) throws(StorageError) -> T {
        guard let value else { throw .corruptRecord(name, id: self.id) }
        return value
    }

    /// The raw-value enum at `index`.
    func enumeration<E: RawRepresentable<String>>(
        _ index: Int,
        _ name: String,
        _ type: E.Type
    ) throws(StorageError) -> E {
        guard let text = try self.string(index, name), let value = E(rawValue: text) else {
            throw .corruptRecord(name, id: self.id)
        }
        return value
    }

    /// The endpoint whose address is at `index` and port at `index + 1`.
    func endpoint(_ index: Int, _ name: String) throws(StorageError) -> TraceEndpoint {
        let address = try self.required(self.string(index, "\(name)_address"), "\(name)_address")
        let port = try self.required(self.int(index + 1, "\(name)_port"), "\(name)_port")
        guard let port = UInt16(exactly: port) else { throw .corruptRecord("\(name)_port", id: self.id) }
        return TraceEndpoint(address: address, port: port)
    }
}
