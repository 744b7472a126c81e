import GRDB

extension SQLiteTraceStore {
    /// The schema's migrations, in order. Applied migrations are recorded by GRDB in `grdb_migrations`;
    /// a migration, once released, is never edited: changes are new migrations.
    ///
    /// `v1`:
    /// - `message`: one row per message. `time_ns` is nanoseconds since the Unix epoch; `raw` is the exact
    ///   bytes (BLOB); the summary columns are bounded, NUL-free text. Indexes on `time_ns`,
    ///   `(remote_address, time_ns)` and `call_id`.
    /// - `anomaly`: one row per parser anomaly, keyed by `(message_id, ordinal)` and deleted with its
    ///   message; indexed by `code` so that "every message with anomaly X" is a lookup. A table rather than
    ///   JSON text so that the PostgreSQL driver can share the schema and anomalies can be queried.
    ///
    /// `v2`:
    /// - `verdict`: one row per inference verdict (``VerdictRecord``). The message is referenced by its
    ///   Call-ID, CSeq, arrival time and source rather than by `message.id`, because the trace writer and the
    ///   investigation run independently (a verdict may be stored before or without its message row, e.g.
    ///   when the trace queue dropped it). The belief is a JSON object `{"Normal":0.8,...}` (the states are
    ///   the model's, so no fixed columns); the explanation, attack labels and investigation are JSON texts
    ///   rendered by the application. Indexes on `time_ns`, `call_id` and `(source_address, time_ns)`.
    ///
    /// `v3` (the administrator's interface):
    /// - `alert_ack`: the acknowledgement of an alert group (source address and winning state) up to a verdict
    ///   time; later alerting verdicts of the group make it open again.
    /// - indexes `verdict_alert (alert, time_ns)` for the alerts page, `verdict_source_time (source_address,
    ///   time_ns)` is already `verdict_source`; `message_user_agent (user_agent)` for the top User-Agents and
    ///   `message_method (method, time_ns)` for calls and called numbers.
    ///
    /// `v4` (floods):
    /// - `verdict_detail`: the JSON texts of a verdict (belief, explanation, attack labels, investigation), stored
    ///   once and shared by every verdict that reuses them (a flood's coalesced repeats carry the same kilobytes).
    ///   `verdict.detail_id` references it; rows written before v4 keep their texts inline (`detail_id` NULL),
    ///   later rows keep empty inline texts. Readers take `COALESCE(d.x, v.x)`.
    ///
    /// `v5` (floods): `message.call_hash` and `verdict.call_hash` hold ``CallIDHash`` of `call_id`, filled for
    /// existing rows; the text indexes `message_call_id` and `verdict_call_id` become integer indexes
    /// `message_call_hash` and `verdict_call_hash`. Lookups by Call-ID are `call_hash = ? AND call_id = ?`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE message (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time_ns INTEGER NOT NULL,
                        direction TEXT NOT NULL,
                        transport TEXT NOT NULL,
                        local_address TEXT NOT NULL,
                        local_port INTEGER NOT NULL,
                        remote_address TEXT NOT NULL,
                        remote_port INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        method TEXT,
                        status_code INTEGER,
                        reason_phrase TEXT,
                        request_uri TEXT,
                        call_id TEXT,
                        cseq_number INTEGER,
                        cseq_method TEXT,
                        from_uri TEXT,
                        from_tag TEXT,
                        to_uri TEXT,
                        to_tag TEXT,
                        contact_uri TEXT,
                        user_agent TEXT,
                        parse_error_code TEXT,
                        dialog_id TEXT,
                        registration_id TEXT,
                        raw BLOB NOT NULL
                    );
                    CREATE INDEX message_time ON message(time_ns);
                    CREATE INDEX message_remote ON message(remote_address, time_ns);
                    CREATE INDEX message_call_id ON message(call_id);
                    CREATE TABLE anomaly (
                        message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        byte_offset INTEGER NOT NULL,
                        PRIMARY KEY (message_id, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX anomaly_code ON anomaly(code);
                    """
            )
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE verdict (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time_ns INTEGER NOT NULL,
                        transport TEXT NOT NULL,
                        source_address TEXT NOT NULL,
                        source_port INTEGER NOT NULL,
                        method TEXT,
                        call_id TEXT,
                        cseq_number INTEGER,
                        cseq_method TEXT,
                        belief_json TEXT NOT NULL,
                        winner TEXT NOT NULL,
                        winner_belief REAL NOT NULL,
                        alert INTEGER NOT NULL,
                        explanation_json TEXT NOT NULL,
                        attack_labels_json TEXT NOT NULL,
                        investigation_json TEXT NOT NULL
                    );
                    CREATE INDEX verdict_time ON verdict(time_ns);
                    CREATE INDEX verdict_call_id ON verdict(call_id);
                    CREATE INDEX verdict_source ON verdict(source_address, time_ns);
                    """
            )
        }
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert_ack (
                        source_address TEXT NOT NULL,
                        winner TEXT NOT NULL,
                        acknowledged_until_ns INTEGER NOT NULL,
                        acknowledged_at_ns INTEGER NOT NULL,
                        note TEXT NOT NULL,
                        PRIMARY KEY (source_address, winner)
                    ) WITHOUT ROWID;
                    CREATE INDEX verdict_alert ON verdict(alert, time_ns);
                    CREATE INDEX message_user_agent ON message(user_agent);
                    CREATE INDEX message_method ON message(method, time_ns);
                    """
            )
        }
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE verdict_detail (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        belief_json TEXT NOT NULL,
                        explanation_json TEXT NOT NULL,
                        attack_labels_json TEXT NOT NULL,
                        investigation_json TEXT NOT NULL
                    );
                    ALTER TABLE verdict ADD COLUMN detail_id INTEGER REFERENCES verdict_detail(id);
                    """
            )
        }
        migrator.registerMigration("v5") { db in
            db.add(function: CallIDHash.sqlFunction)
            try db.execute(
                sql: """
                    ALTER TABLE message ADD COLUMN call_hash INTEGER;
                    UPDATE message SET call_hash = honeyphone_call_hash(call_id) WHERE call_id IS NOT NULL;
                    DROP INDEX message_call_id;
                    CREATE INDEX message_call_hash ON message(call_hash);
                    ALTER TABLE verdict ADD COLUMN call_hash INTEGER;
                    UPDATE verdict SET call_hash = honeyphone_call_hash(call_id) WHERE call_id IS NOT NULL;
                    DROP INDEX verdict_call_id;
                    CREATE INDEX verdict_call_hash ON verdict(call_hash);
                    """
            )
        }
        return migrator
    }

    /// The names of the migrations this build knows, in order.
    public static var migrationNames: [String] { Self.migrator.migrations }
}
