/// Where the historical cache survives restarts. The file driver is ``HistoryFile``; a database driver
/// (SQLite) can implement the same two calls.
public protocol HistoryPersistence: Sendable {
    /// Every stored entry.
    func loadAll() async throws -> [HistoryEntry]
    /// Stores changed entries and forgets deleted hosts, as one batch.
    func save(_ changed: [HistoryEntry], deleted: [String]) async throws
}
