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

    /// The distinct source addresses with a verdict whose winner is one of `winners` at or above `minimumBelief`,
    /// at or after `since` (all when `nil`), in address order (text), at most `limit`: what a block list is made of.
    func verdictSources(
        winners: [String],
        minimumBelief: Double,
        since: TraceTimestamp?,
        limit: Int
    ) async throws
        -> [VerdictSourceSummary]
}

extension VerdictStore {
    /// A default for drivers and fakes without a query of their own: reads the matching time range and groups it.
    public func verdictSources(
        winners: [String],
        minimumBelief: Double,
        since: TraceTimestamp?,
        limit: Int
    ) async throws
        -> [VerdictSourceSummary]
    {
        var byAddress: [String: VerdictSourceSummary] = [:]
        for record in try await self.verdicts(since: since, callID: nil, limit: 10_000_000, newestFirst: false)
        where winners.contains(record.winner) && record.winnerBelief >= minimumBelief {
            if var summary = byAddress[record.source.address] {
                summary.verdicts += 1
                summary.highestBelief = max(summary.highestBelief, record.winnerBelief)
                summary.firstSeen = min(summary.firstSeen, record.timestamp)
                summary.lastSeen = max(summary.lastSeen, record.timestamp)
                byAddress[record.source.address] = summary
            } else {
                byAddress[record.source.address] = VerdictSourceSummary(
                    address: record.source.address,
                    verdicts: 1,
                    highestBelief: record.winnerBelief,
                    firstSeen: record.timestamp,
                    lastSeen: record.timestamp
                )
            }
        }
        return Array(byAddress.values.sorted { $0.address < $1.address }.prefix(max(0, limit)))
    }
}
