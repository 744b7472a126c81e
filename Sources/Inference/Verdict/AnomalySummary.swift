/// A request's parser anomalies, summarised for the `Anomalies` node.
public struct AnomalySummary: Sendable, Hashable {
    /// How many anomalies of error severity the parser recorded.
    public var errors: Int

    /// How many anomalies of warning severity the parser recorded.
    public var warnings: Int

    /// Whether the request carries a known attack-tool shape (a tool User-Agent, a tool's fixed tags or
    /// branch patterns), as judged by the caller.
    public var toolShaped: Bool

    /// Creates a summary.
    public init(errors: Int = 0, warnings: Int = 0, toolShaped: Bool = false) {
        self.errors = errors
        self.warnings = warnings
        self.toolShaped = toolShaped
    }

    /// The `Anomalies` state index: 0 none, 1 warnings only, 2 errors, 3 tool-shaped (which wins over the
    /// others, being the most specific evidence).
    public var state: Int {
        if self.toolShaped {
            return 3
        }
        if self.errors > 0 {
            return 2
        }
        return self.warnings > 0 ? 1 : 0
    }
}
