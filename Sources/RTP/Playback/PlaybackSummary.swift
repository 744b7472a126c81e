/// How a playback ended, as ``MediaSender`` reports it.
public struct PlaybackSummary: Sendable, Hashable {
    /// Why it ended.
    public enum Reason: String, Sendable, Hashable {
        /// The schedule ran out (the duration elapsed or the file ended).
        case finished
        /// It was stopped, or a new playback replaced it.
        case stopped
        /// The session stopped.
        case sessionStopped
    }

    /// Why it ended.
    public var reason: Reason
    /// The packets sent.
    public var packetsSent: Int
    /// The ticks whose packets were not sent: a DTMF event was being sent, or no remote address was known.
    public var packetsSuppressed: Int
    /// The ticks skipped because the caller woke the sender more than ``MediaSender/Configuration/maximumBurst`` ticks late.
    public var ticksSkipped: Int

    /// Creates a summary.
    public init(reason: Reason, packetsSent: Int, packetsSuppressed: Int, ticksSkipped: Int = 0) {
        self.reason = reason
        self.packetsSent = packetsSent
        self.packetsSuppressed = packetsSuppressed
        self.ticksSkipped = ticksSkipped
    }
}
