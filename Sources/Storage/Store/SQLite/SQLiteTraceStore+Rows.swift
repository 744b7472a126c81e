import Foundation
import GRDB

extension SQLiteTraceStore {
    /// The `message` columns, in the order of ``insertMessageSQL``'s values and ``decode(_:)``'s indexes.
    static let messageColumns = [
        "time_ns", "direction", "transport", "local_address", "local_port", "remote_address", "remote_port",
        "kind", "method", "status_code", "reason_phrase", "request_uri", "call_id", "cseq_number", "cseq_method",
        "from_uri", "from_tag", "to_uri", "to_tag", "contact_uri", "user_agent", "parse_error_code", "dialog_id",
        "registration_id", "raw", "call_hash",
    ]

    /// Inserts one `message` row (all ``messageColumns``, bound).
    static let insertMessageSQL =
        "INSERT INTO message (\(messageColumns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: messageColumns.count).joined(separator: ", ") + ")"

    /// Inserts one `anomaly` row (bound).
    static let insertAnomalySQL =
        "INSERT INTO anomaly (message_id, ordinal, code, severity, detail, byte_offset) VALUES (?, ?, ?, ?, ?, ?)"

    /// Selects `id` and every ``messageColumns`` column, for ``decode(_:)``.
    static let selectMessageSQL = "SELECT id, \(messageColumns.joined(separator: ", ")) FROM message"

    /// Binds the values of one record's `message` row (``messageColumns``' order) to `statement`
    /// (``insertMessageSQL``) one by one, without boxing them. The statement must have been marked bound
    /// (`setUncheckedArguments`) so that `execute()` keeps these bindings.
    static func bindMessageRow(_ record: TraceRecord, to statement: Statement) throws {
        let s = record.summary
        var binder = ColumnBinder(statement)
        func bind(_ value: (some StatementBinding)?) throws { try binder.bind(value) }
        try bind(record.timestamp.nanosecondsSinceEpoch)
        try bind(record.direction.rawValue)
        try bind(record.transport.rawValue)
        try bind(record.local.address)
        try bind(Int64(record.local.port))
        try bind(record.remote.address)
        try bind(Int64(record.remote.port))
        try bind(s.kind.rawValue)
        try bind(s.method)
        try bind(s.statusCode.map { Int64($0) })
        try bind(s.reasonPhrase)
        try bind(s.requestURI)
        try bind(s.callID)
        try bind(s.cseqNumber.map { Int64($0) })
        try bind(s.cseqMethod)
        try bind(s.fromURI)
        try bind(s.fromTag)
        try bind(s.toURI)
        try bind(s.toTag)
        try bind(s.contactURI)
        try bind(s.userAgent)
        try bind(s.parseErrorCode)
        try bind(record.dialogID)
        try bind(record.registrationID)
        try bind(Data(record.raw))
        try bind(CallIDHash.of(s.callID))
        precondition(binder.count == Self.messageColumns.count, "a message column is not bound")
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

/// Binds values to a statement's placeholders in order, one by one and without boxing them (building
/// `StatementArguments`, an array of boxed values per row, was most of the writer's CPU under a flood).
struct ColumnBinder {
    private let handle: SQLiteStatement
    /// The placeholders bound so far.
    private(set) var count = 0

    init(_ statement: Statement) {
        self.handle = statement.sqliteStatement
    }

    /// Binds `value` (NULL for `nil`) to the next placeholder.
    mutating func bind(_ value: (some StatementBinding)?) throws {
        self.count += 1
        let index = CInt(self.count)
        let handle = self.handle
        let code = value.map { $0.bind(to: handle, at: index) } ?? DatabaseValue.null.bind(to: handle, at: index)
        guard code == 0 else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding column \(index) failed")
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
