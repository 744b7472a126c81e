/// How often one IP address or host name was seen (paper §VI-B "Historical cache").
public struct HistoryEntry: Hashable, Sendable {
    /// The host (canonical text, see ``InterrogationList/canonicalHost(_:)``).
    public var host: String
    /// First sighting.
    public var firstSeen: ReconInstant
    /// Last sighting.
    public var lastSeen: ReconInstant
    /// Number of sightings.
    public var sightings: Int

    /// Creates an entry.
    public init(host: String, firstSeen: ReconInstant, lastSeen: ReconInstant, sightings: Int) {
        self.host = host
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.sightings = max(0, sightings)
    }

    /// `min(1, sightings / 10)`: 1 at ten sightings or more.
    public var frequency: Double { min(1, Double(self.sightings) / 10) }
}
