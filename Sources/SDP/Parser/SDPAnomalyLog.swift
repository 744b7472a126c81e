/// The anomalies of one parse, bounded by ``SDPLimits/maximumAnomalies``.
struct SDPAnomalyLog {
    /// The anomalies in the order they were found.
    private(set) var anomalies: [SDPAnomaly] = []

    /// How many anomalies are kept before ``SDPAnomaly/Code/tooManyAnomalies`` marks the cut.
    let limit: Int

    /// Whether the cut has been marked.
    private var overflowed = false

    /// Creates an empty log that keeps at most `limit` anomalies (plus the marker).
    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Records an anomaly with the code's default severity.
    mutating func record(_ code: SDPAnomaly.Code, at offset: Int, _ detail: String) {
        if self.anomalies.count < self.limit {
            self.anomalies.append(SDPAnomaly(code: code, detail: detail, offset: offset))
        } else if !self.overflowed {
            self.overflowed = true
            self.anomalies.append(
                SDPAnomaly(
                    code: .tooManyAnomalies,
                    detail: "more than \(self.limit) anomalies; the rest were not recorded",
                    offset: offset
                )
            )
        }
    }

    /// The anomalies ordered by offset; anomalies at the same offset keep the order they were found in.
    func sortedByOffset() -> [SDPAnomaly] {
        self.anomalies.enumerated().sorted { lhs, rhs in
            (lhs.element.offset, lhs.offset) < (rhs.element.offset, rhs.offset)
        }.map(\.element)
    }
}
