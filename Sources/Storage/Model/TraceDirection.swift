/// Whether a traced message came in from the network or went out to it.
public enum TraceDirection: String, Sendable, Hashable, CaseIterable {
    /// The honeypot received the message.
    case received
    /// The honeypot sent the message.
    case sent
}
