/// A place inference verdicts are kept, beside the traces: the interface every driver implements.
///
/// Kept apart from ``TraceStore`` so that trace-only drivers and fakes need not implement it. Like
/// ``TraceStore``, it speaks the module's own types only, every method is `async`, and a record read back is
/// equal to the one stored (with ``VerdictRecord/id`` set).
public protocol VerdictStore: Sendable {
    /// Stores `records` in one transaction: all of them or none.
    func appendVerdicts(_ records: [VerdictRecord]) async throws

    /// The verdicts at or after `since` (all when `nil`), newest first when `newestFirst`, at most `limit`.
    func verdicts(
        since: TraceTimestamp?,
        callID: String?,
        limit: Int,
        newestFirst: Bool
    ) async throws
        -> [VerdictRecord]

    /// How many verdicts are stored.
    func verdictCount() async throws -> Int
}
