import Foundation
import GRDB

// The administrator's read side (``TraceAnalytics``) over the `message`, `verdict` and `alert_ack` tables.
// Every filter value is a bound argument; `LIKE` patterns escape `%`, `_` and `\` in the searched text.
extension SQLiteTraceStore: TraceAnalytics {
    /// The verdict columns of a message row: winner and belief of the verdict stored for the same arrival time
    /// and source (received requests only).
    static let messageVerdictSQL = """
        (SELECT v.winner FROM verdict v WHERE v.time_ns = m.time_ns AND v.source_address = m.remote_address
            LIMIT 1),
        (SELECT v.winner_belief FROM verdict v WHERE v.time_ns = m.time_ns AND v.source_address = m.remote_address
            LIMIT 1)
        """

    public func messages(_ filter: MessageFilter) async throws -> MessagePage {
        var clauses: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        func add(_ clause: String, _ arguments: (any DatabaseValueConvertible)?...) {
            clauses.append(clause)
            values += arguments
        }
        if let since = filter.since { add("m.time_ns >= ?", since.nanosecondsSinceEpoch) }
        if let until = filter.until { add("m.time_ns < ?", until.nanosecondsSinceEpoch) }
        if let source = filter.source { add("m.remote_address = ?", source) }
        if let method = filter.method { add("m.method = ?", method) }
        if let callID = filter.callID { add("m.call_hash = ? AND m.call_id = ?", CallIDHash.of(callID), callID) }
        if let direction = filter.direction { add("m.direction = ?", direction.rawValue) }
        if let verdict = filter.verdict {
            add(
                "EXISTS (SELECT 1 FROM verdict v WHERE v.time_ns = m.time_ns AND v.source_address = m.remote_address"
                    + " AND v.winner = ?)",
                verdict
            )
        }
        if let uri = filter.uri, !uri.isEmpty {
            let pattern = Self.likePattern(uri)
            add(
                "(m.request_uri LIKE ? ESCAPE '\\' OR m.from_uri LIKE ? ESCAPE '\\' OR m.to_uri LIKE ? ESCAPE '\\')",
                pattern,
                pattern,
                pattern
            )
        }
        if let text = filter.text, !text.isEmpty {
            let pattern = Self.likePattern(text)
            add(
                "(m.call_id LIKE ? ESCAPE '\\' OR m.request_uri LIKE ? ESCAPE '\\' OR m.from_uri LIKE ? ESCAPE '\\'"
                    + " OR m.to_uri LIKE ? ESCAPE '\\' OR m.user_agent LIKE ? ESCAPE '\\'"
                    + " OR m.remote_address LIKE ? ESCAPE '\\')",
                pattern,
                pattern,
                pattern,
                pattern,
                pattern,
                pattern
            )
        }
        if let before = filter.before {
            add(
                "(m.time_ns < ? OR (m.time_ns = ? AND m.id < ?))",
                before.time.nanosecondsSinceEpoch,
                before.time.nanosecondsSinceEpoch,
                before.id
            )
        }
        let columns = Self.messageColumns.map { "m." + $0 }.joined(separator: ", ")
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT m.id, \(columns), \(Self.messageVerdictSQL) FROM message m\(whereSQL)
            ORDER BY m.time_ns DESC, m.id DESC LIMIT ?
            """
        values.append(filter.limit + 1)
        let arguments = StatementArguments(values)
        let limit = filter.limit
        return try await self.analyticsAccess("messages") {
            try await self.writer.read { db in
                var rows: [MessageRow] = []
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    rows.append(
                        MessageRow(
                            record: try Self.decode(row),
                            verdict: String.fromDatabaseValue(row[Self.messageColumns.count + 1]),
                            verdictBelief: Double.fromDatabaseValue(row[Self.messageColumns.count + 2])
                        )
                    )
                }
                var next: MessageCursor?
                if rows.count > limit {
                    rows.removeLast(rows.count - limit)
                    if let last = rows.last, let id = last.record.id {
                        next = MessageCursor(time: last.record.timestamp, id: id)
                    }
                }
                return MessagePage(rows: rows, next: next)
            }
        }
    }

    public func calls(since: TraceTimestamp?, source: String?, limit: Int) async throws -> [CallSummary] {
        var clauses = ["m.method = 'INVITE'", "m.direction = 'received'", "m.call_id IS NOT NULL"]
        var values: [(any DatabaseValueConvertible)?] = []
        if let since {
            clauses.append("m.time_ns >= ?")
            values.append(since.nanosecondsSinceEpoch)
        }
        if let source {
            clauses.append("m.remote_address = ?")
            values.append(source)
        }
        // The first INVITE of each Call-ID (the smallest id), then what the Call-ID holds.
        let sql = """
            WITH first AS (
                SELECT MIN(m.id) AS id FROM message m WHERE \(clauses.joined(separator: " AND "))
                GROUP BY m.call_id ORDER BY MIN(m.time_ns) DESC LIMIT ?
            )
            SELECT i.call_id, i.time_ns, i.remote_address, i.remote_port, i.from_uri, i.to_uri, i.request_uri,
                i.user_agent,
                (SELECT COUNT(*) FROM message c WHERE c.call_hash = i.call_hash AND c.call_id = i.call_id),
                (SELECT MAX(c.time_ns) FROM message c WHERE c.call_hash = i.call_hash AND c.call_id = i.call_id),
                (SELECT MAX(c.status_code) FROM message c WHERE c.call_hash = i.call_hash AND c.call_id = i.call_id AND c.direction = 'sent'
                    AND c.cseq_method = 'INVITE' AND c.status_code >= 200),
                (SELECT v.winner FROM verdict v WHERE v.time_ns = i.time_ns AND v.source_address = i.remote_address
                    LIMIT 1),
                (SELECT v.winner_belief FROM verdict v WHERE v.time_ns = i.time_ns
                    AND v.source_address = i.remote_address LIMIT 1)
            FROM first JOIN message i ON i.id = first.id
            ORDER BY i.time_ns DESC, i.id DESC
            """
        values.append(min(max(limit, 1), 1_000))
        let arguments = StatementArguments(values)
        return try await self.analyticsAccess("calls") {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    guard let callID = String.fromDatabaseValue(row[0]), let time = Int64.fromDatabaseValue(row[1]),
                        let address = String.fromDatabaseValue(row[2]), let port = Int.fromDatabaseValue(row[3])
                    else { throw StorageError.corruptRecord("call", id: nil) }
                    return CallSummary(
                        callID: callID,
                        started: TraceTimestamp(nanosecondsSinceEpoch: time),
                        lastMessage: TraceTimestamp(nanosecondsSinceEpoch: Int64.fromDatabaseValue(row[9]) ?? time),
                        source: TraceEndpoint(address: address, port: UInt16(clamping: port)),
                        fromURI: String.fromDatabaseValue(row[4]),
                        toURI: String.fromDatabaseValue(row[5]),
                        requestURI: String.fromDatabaseValue(row[6]),
                        userAgent: String.fromDatabaseValue(row[7]),
                        messageCount: Int.fromDatabaseValue(row[8]) ?? 0,
                        finalStatus: Int.fromDatabaseValue(row[10]),
                        verdict: String.fromDatabaseValue(row[11]),
                        verdictBelief: Double.fromDatabaseValue(row[12])
                    )
                }
            }
        }
    }

    public func sources(since: TraceTimestamp?, limit: Int) async throws -> [SourceSummary] {
        var values: [(any DatabaseValueConvertible)?] = []
        var sinceSQL = ""
        if let since {
            sinceSQL = " AND m.time_ns >= ?"
            values.append(since.nanosecondsSinceEpoch)
        }
        let sql = """
            WITH counted AS (
                SELECT m.remote_address AS address, COUNT(*) AS messages, MIN(m.time_ns) AS first_ns,
                    MAX(m.time_ns) AS last_ns, COUNT(DISTINCT m.user_agent) AS agents
                FROM message m WHERE m.direction = 'received'\(sinceSQL)
                GROUP BY m.remote_address ORDER BY messages DESC LIMIT ?
            )
            SELECT address, messages, first_ns, last_ns, agents,
                (SELECT v.winner FROM verdict v WHERE v.source_address = address ORDER BY v.time_ns DESC LIMIT 1),
                (SELECT v.winner_belief FROM verdict v WHERE v.source_address = address
                    ORDER BY v.time_ns DESC LIMIT 1),
                (SELECT COUNT(*) FROM verdict v WHERE v.source_address = address AND v.alert = 1)
            FROM counted ORDER BY messages DESC, address
            """
        values.append(min(max(limit, 1), 1_000))
        let arguments = StatementArguments(values)
        return try await self.analyticsAccess("sources") {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    guard let address = String.fromDatabaseValue(row[0]), let first = Int64.fromDatabaseValue(row[2]),
                        let last = Int64.fromDatabaseValue(row[3])
                    else { throw StorageError.corruptRecord("source", id: nil) }
                    return SourceSummary(
                        address: address,
                        messages: Int.fromDatabaseValue(row[1]) ?? 0,
                        firstSeen: TraceTimestamp(nanosecondsSinceEpoch: first),
                        lastSeen: TraceTimestamp(nanosecondsSinceEpoch: last),
                        userAgents: Int.fromDatabaseValue(row[4]) ?? 0,
                        latestVerdict: String.fromDatabaseValue(row[5]),
                        latestBelief: Double.fromDatabaseValue(row[6]),
                        alerts: Int.fromDatabaseValue(row[7]) ?? 0
                    )
                }
            }
        }
    }

    public func messageSeries(
        since: TraceTimestamp,
        until: TraceTimestamp,
        bucketSeconds: Int
    ) async throws
        -> [MessageBucket]
    {
        let bucket = Int64(max(1, bucketSeconds)) * 1_000_000_000
        let sql = """
            SELECT m.time_ns / ? AS b,
                CASE WHEN m.kind = 'response' THEN 'response' WHEN m.kind = 'unparsed' THEN 'unparsed'
                    WHEN m.method IN ('INVITE', 'REGISTER', 'OPTIONS') THEN m.method ELSE 'other' END AS class,
                COUNT(*), COUNT(DISTINCT CASE WHEN m.method = 'INVITE' THEN m.call_id END)
            FROM message m
            WHERE m.direction = 'received' AND m.time_ns >= ? AND m.time_ns < ?
            GROUP BY b, class ORDER BY b
            """
        let arguments: StatementArguments = [bucket, since.nanosecondsSinceEpoch, until.nanosecondsSinceEpoch]
        let seconds = Int64(max(1, bucketSeconds))
        return try await self.analyticsAccess("message series") {
            try await self.writer.read { db in
                var buckets: [Int64: MessageBucket] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    guard let index = Int64.fromDatabaseValue(row[0]), let name = String.fromDatabaseValue(row[1]),
                        let position = MessageBucket.classes.firstIndex(of: name)
                    else { continue }
                    let start = index * seconds
                    var entry =
                        buckets[start]
                        ?? MessageBucket(
                            start: start,
                            counts: Array(repeating: 0, count: MessageBucket.classes.count),
                            calls: 0
                        )
                    entry.counts[position] += Int.fromDatabaseValue(row[2]) ?? 0
                    entry.calls += Int.fromDatabaseValue(row[3]) ?? 0
                    buckets[start] = entry
                }
                return Self.filled(buckets, since: since, until: until, seconds: seconds) { start in
                    MessageBucket(
                        start: start,
                        counts: Array(repeating: 0, count: MessageBucket.classes.count),
                        calls: 0
                    )
                }
            }
        }
    }

    public func verdictSeries(
        since: TraceTimestamp,
        until: TraceTimestamp,
        bucketSeconds: Int
    ) async throws
        -> [VerdictBucket]
    {
        let bucket = Int64(max(1, bucketSeconds)) * 1_000_000_000
        let sql = """
            SELECT v.time_ns / ? AS b, v.winner, COUNT(*) FROM verdict v
            WHERE v.time_ns >= ? AND v.time_ns < ? GROUP BY b, v.winner ORDER BY b, v.winner
            """
        let arguments: StatementArguments = [bucket, since.nanosecondsSinceEpoch, until.nanosecondsSinceEpoch]
        let seconds = Int64(max(1, bucketSeconds))
        return try await self.analyticsAccess("verdict series") {
            try await self.writer.read { db in
                var buckets: [Int64: VerdictBucket] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    guard let index = Int64.fromDatabaseValue(row[0]), let winner = String.fromDatabaseValue(row[1])
                    else { continue }
                    let start = index * seconds
                    buckets[start, default: VerdictBucket(start: start, counts: [])].counts.append(
                        CountedValue(value: winner, count: Int.fromDatabaseValue(row[2]) ?? 0)
                    )
                }
                return Self.filled(buckets, since: since, until: until, seconds: seconds) { start in
                    VerdictBucket(start: start, counts: [])
                }
            }
        }
    }

    public func verdictDistribution(since: TraceTimestamp?) async throws -> [CountedValue] {
        let sinceSQL = since == nil ? "" : " WHERE time_ns >= ?"
        let arguments = StatementArguments(since.map { [$0.nanosecondsSinceEpoch] } ?? [Int64]())
        return try await self.counted(
            "verdict distribution",
            sql: "SELECT winner, COUNT(*) AS n FROM verdict\(sinceSQL) GROUP BY winner ORDER BY n DESC, winner",
            arguments: arguments
        )
    }

    public func topCalledNumbers(since: TraceTimestamp?, limit: Int) async throws -> [CountedValue] {
        var values: [(any DatabaseValueConvertible)?] = []
        var sinceSQL = ""
        if let since {
            sinceSQL = " AND time_ns >= ?"
            values.append(since.nanosecondsSinceEpoch)
        }
        values.append(min(max(limit, 1), 1_000))
        // The user part of `sip:USER@host…` (or `sips:`, `tel:` up to `;`): between the first ':' and the '@'.
        let sql = """
            SELECT number, COUNT(*) AS n FROM (
                SELECT CASE
                    WHEN instr(request_uri, '@') > instr(request_uri, ':') + 1 THEN
                        substr(request_uri, instr(request_uri, ':') + 1,
                            instr(request_uri, '@') - instr(request_uri, ':') - 1)
                    WHEN request_uri LIKE 'tel:%' THEN
                        CASE WHEN instr(request_uri, ';') > 0 THEN substr(request_uri, 5, instr(request_uri, ';') - 5)
                        ELSE substr(request_uri, 5) END
                    ELSE NULL END AS number
                FROM message WHERE method = 'INVITE' AND direction = 'received'\(sinceSQL)
            ) WHERE number IS NOT NULL AND number != '' GROUP BY number ORDER BY n DESC, number LIMIT ?
            """
        return try await self.counted("called numbers", sql: sql, arguments: StatementArguments(values))
    }

    public func topUserAgents(since: TraceTimestamp?, limit: Int) async throws -> [CountedValue] {
        var values: [(any DatabaseValueConvertible)?] = []
        var sinceSQL = ""
        if let since {
            sinceSQL = " AND time_ns >= ?"
            values.append(since.nanosecondsSinceEpoch)
        }
        values.append(min(max(limit, 1), 1_000))
        let sql = """
            SELECT user_agent, COUNT(*) AS n FROM message
            WHERE direction = 'received' AND kind = 'request' AND user_agent IS NOT NULL\(sinceSQL)
            GROUP BY user_agent ORDER BY n DESC, user_agent LIMIT ?
            """
        return try await self.counted("user agents", sql: sql, arguments: StatementArguments(values))
    }

    public func alerts(_ filter: AlertFilter) async throws -> [AlertSummary] {
        var clauses = ["v.alert = 1"]
        var values: [(any DatabaseValueConvertible)?] = []
        if let since = filter.since {
            clauses.append("v.time_ns >= ?")
            values.append(since.nanosecondsSinceEpoch)
        }
        if let verdict = filter.verdict {
            clauses.append("v.winner = ?")
            values.append(verdict)
        }
        if let source = filter.source {
            clauses.append("v.source_address = ?")
            values.append(source)
        }
        // The detail row (migration v4) is joined only to filter by attack type.
        var detailJoin = ""
        if let attack = filter.attack {
            detailJoin = " LEFT JOIN verdict_detail d ON d.id = v.detail_id"
            clauses.append("COALESCE(d.attack_labels_json, v.attack_labels_json) LIKE ? ESCAPE '\\'")
            values.append("%\"kind\":\"" + Self.likeEscaped(attack) + "\"%")
        }
        var having = ""
        switch filter.acknowledged {
        case .some(true): having = " WHERE a.acknowledged_until_ns >= g.last_ns"
        case .some(false): having = " WHERE a.acknowledged_until_ns IS NULL OR a.acknowledged_until_ns < g.last_ns"
        case .none: break
        }
        let sql = """
            WITH g AS (
                SELECT v.source_address AS source, v.winner AS winner, COUNT(*) AS n, MIN(v.time_ns) AS first_ns,
                    MAX(v.time_ns) AS last_ns, MAX(v.winner_belief) AS top, MAX(v.id) AS latest
                FROM verdict v\(detailJoin) WHERE \(clauses.joined(separator: " AND "))
                GROUP BY v.source_address, v.winner
            )
            SELECT g.source, g.winner, g.n, g.first_ns, g.last_ns, g.top, g.latest, l.method, l.call_id,
                COALESCE(ld.attack_labels_json, l.attack_labels_json), a.acknowledged_at_ns, a.acknowledged_until_ns,
                a.note
            FROM g JOIN verdict l ON l.id = g.latest LEFT JOIN verdict_detail ld ON ld.id = l.detail_id
            LEFT JOIN alert_ack a ON a.source_address = g.source AND a.winner = g.winner\(having)
            ORDER BY g.last_ns DESC LIMIT ?
            """
        values.append(filter.limit)
        let arguments = StatementArguments(values)
        return try await self.analyticsAccess("alerts") {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    guard let source = String.fromDatabaseValue(row[0]), let winner = String.fromDatabaseValue(row[1]),
                        let first = Int64.fromDatabaseValue(row[3]), let last = Int64.fromDatabaseValue(row[4]),
                        let latest = Int64.fromDatabaseValue(row[6])
                    else { throw StorageError.corruptRecord("alert", id: nil) }
                    return AlertSummary(
                        source: source,
                        verdict: winner,
                        count: Int.fromDatabaseValue(row[2]) ?? 0,
                        first: TraceTimestamp(nanosecondsSinceEpoch: first),
                        last: TraceTimestamp(nanosecondsSinceEpoch: last),
                        maximumBelief: Double.fromDatabaseValue(row[5]) ?? 0,
                        latestVerdictID: latest,
                        latestMethod: String.fromDatabaseValue(row[7]),
                        latestCallID: String.fromDatabaseValue(row[8]),
                        latestAttackLabelsJSON: String.fromDatabaseValue(row[9]) ?? "[]",
                        acknowledgedAt: Int64.fromDatabaseValue(row[10]).map(
                            TraceTimestamp.init(nanosecondsSinceEpoch:)
                        ),
                        acknowledgedUntil: Int64.fromDatabaseValue(row[11]).map(
                            TraceTimestamp.init(nanosecondsSinceEpoch:)
                        ),
                        acknowledgementNote: String.fromDatabaseValue(row[12])
                    )
                }
            }
        }
    }

    public func acknowledgeAlerts(
        source: String,
        winner: String,
        until: TraceTimestamp,
        at: TraceTimestamp,
        note: String
    ) async throws -> Bool {
        let boundedNote = TraceText.bounded(note, maxUTF8: 1_024)
        return try await self.analyticsAccess("acknowledge alerts") {
            try await self.writer.write { db in
                let matching =
                    try Int.fetchOne(
                        db,
                        sql: "SELECT COUNT(*) FROM verdict WHERE alert = 1 AND source_address = ? AND winner = ?"
                            + " AND time_ns <= ?",
                        arguments: [source, winner, until.nanosecondsSinceEpoch]
                    ) ?? 0
                guard matching > 0 else { return false }
                try db.execute(
                    sql: """
                        INSERT INTO alert_ack (source_address, winner, acknowledged_until_ns, acknowledged_at_ns, note)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (source_address, winner) DO UPDATE SET
                            acknowledged_until_ns = MAX(acknowledged_until_ns, excluded.acknowledged_until_ns),
                            acknowledged_at_ns = excluded.acknowledged_at_ns, note = excluded.note
                        """,
                    arguments: [
                        source, winner, until.nanosecondsSinceEpoch, at.nanosecondsSinceEpoch, boundedNote,
                    ]
                )
                return true
            }
        }
    }

    public func verdict(at time: TraceTimestamp, source: String) async throws -> VerdictRecord? {
        try await self.analyticsAccess("verdict of message") {
            try await self.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: "\(Self.selectVerdictSQL) WHERE v.time_ns = ? AND v.source_address = ? ORDER BY v.id LIMIT 1",
                    arguments: [time.nanosecondsSinceEpoch, source]
                ).map(Self.decodeVerdict)
            }
        }
    }

    public func verdict(id: Int64) async throws -> VerdictRecord? {
        try await self.analyticsAccess("verdict") {
            try await self.writer.read { db in
                try Row.fetchOne(db, sql: "\(Self.selectVerdictSQL) WHERE v.id = ?", arguments: [id])
                    .map(Self.decodeVerdict)
            }
        }
    }

    // MARK: - Helpers

    /// `%text%` with the `LIKE` wildcards of `text` escaped (escape character `\`).
    static func likePattern(_ text: String) -> String {
        "%" + Self.likeEscaped(String(text.prefix(256))) + "%"
    }

    /// `text` with `\`, `%` and `_` escaped for `LIKE … ESCAPE '\'`.
    static func likeEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Every bucket from `since` to `until` in order, the missing ones made by `empty` (at most 10,000).
    static func filled<Bucket>(
        _ buckets: [Int64: Bucket],
        since: TraceTimestamp,
        until: TraceTimestamp,
        seconds: Int64,
        empty: (Int64) -> Bucket
    ) -> [Bucket] {
        let first = Self.floorDiv(since.nanosecondsSinceEpoch, seconds * 1_000_000_000) * seconds
        let end = until.nanosecondsSinceEpoch / 1_000_000_000
        var result: [Bucket] = []
        var start = first
        while start < end && result.count < 10_000 {
            result.append(buckets[start] ?? empty(start))
            start += seconds
        }
        return result
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private func counted(
        _ operation: String,
        sql: String,
        arguments: StatementArguments
    ) async throws
        -> [CountedValue]
    {
        try await self.analyticsAccess(operation) {
            try await self.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                    guard let value = String.fromDatabaseValue(row[0]) else { return nil }
                    return CountedValue(value: value, count: Int.fromDatabaseValue(row[1]) ?? 0)
                }
            }
        }
    }

    /// Runs a database access, turning driver errors into ``StorageError`` (cancellation passes through).
    private func analyticsAccess<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
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
