/// Which events a sink takes.
public enum EventFilter: String, Sendable, Hashable, CaseIterable {
    /// Every verdict.
    case all
    /// Only verdicts that raised an alert.
    case alerts

    /// Whether `event` passes.
    public func accepts(_ event: HoneyphoneEvent) -> Bool {
        switch self {
        case .all: true
        case .alerts: event.alert
        }
    }
}
