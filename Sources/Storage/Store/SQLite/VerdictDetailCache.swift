/// The `verdict_detail` rows a store wrote last (migration v4), so that a flood's verdicts, which reuse one
/// analysis and so carry the same JSON texts, share one detail row instead of repeating kilobytes each.
///
/// A small most-recent-first list compared by value: the texts of a reused verdict are the same `String`
/// storage, which `==` recognises at once; a different verdict usually differs within its first bytes.
struct VerdictDetailCache: Sendable {
    /// The detail rows remembered at most.
    static let capacity = 32

    private struct Entry: Sendable {
        var belief: [VerdictRecord.NamedBelief]
        var explanationJSON: String
        var attackLabelsJSON: String
        var investigationJSON: String
        var id: Int64
    }

    private var entries: [Entry] = []

    /// The id of a stored detail row with `record`'s texts, or `nil`.
    func id(of record: VerdictRecord) -> Int64? {
        for entry in self.entries
        where entry.investigationJSON == record.investigationJSON && entry.explanationJSON == record.explanationJSON
            && entry.attackLabelsJSON == record.attackLabelsJSON && entry.belief == record.belief
        {
            return entry.id
        }
        return nil
    }

    /// Remembers that the detail row `id` holds `record`'s texts (forgetting the oldest beyond ``capacity``).
    mutating func remember(_ record: VerdictRecord, id: Int64) {
        self.entries.insert(
            Entry(
                belief: record.belief,
                explanationJSON: record.explanationJSON,
                attackLabelsJSON: record.attackLabelsJSON,
                investigationJSON: record.investigationJSON,
                id: id
            ),
            at: 0
        )
        if self.entries.count > Self.capacity { self.entries.removeLast() }
    }
}
