/// Bounds of the list under interrogation: an attacker controls every header, so the list is capped.
public struct InterrogationLimits: Hashable, Sendable {
    /// Most distinct hosts kept (default 16: the five source points, a few Vias and routes). Hosts past
    /// the cap are dropped in message order (A–E are added first, so they are never the ones dropped)
    /// and counted in ``InterrogationList/droppedCount``.
    public var maximumTargets: Int
    /// Most SIP or RTP ports kept per host (default 8).
    public var maximumPortsPerTarget: Int
    /// Most Via, Route and Record-Route values read (default 32 each).
    public var maximumHeaderValues: Int
    /// Most telephone numbers looked up with ENUM per message (default 4).
    public var maximumNumbers: Int

    /// Creates limits.
    public init(
        maximumTargets: Int = 16,
        maximumPortsPerTarget: Int = 8,
        maximumHeaderValues: Int = 32,
        maximumNumbers: Int = 4
    ) {
        self.maximumNumbers = max(0, min(16, maximumNumbers))
        self.maximumTargets = max(1, maximumTargets)
        self.maximumPortsPerTarget = max(1, maximumPortsPerTarget)
        self.maximumHeaderValues = max(1, maximumHeaderValues)
    }

    /// The defaults.
    public static let `default` = InterrogationLimits()
}
