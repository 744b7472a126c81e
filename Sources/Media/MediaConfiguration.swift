public import RTP

/// The media layer's configuration: where RTP ports come from, how many calls may have media at once, how much
/// is recorded and how much hostile traffic one session accepts.
///
/// Every property has a default suited to a honeypot on a public address; change only what the deployment needs.
///
/// | key | type | default | meaning |
/// | --- | --- | --- | --- |
/// | `media.host` | string | `0.0.0.0` | the address RTP/RTCP sockets bind to |
/// | `media.ports.lower` | int | 16384 | the lowest RTP port (rounded up to even) |
/// | `media.ports.upper` | int | 32767 | the highest port used (RTCP is RTP + 1) |
/// | `media.sessions.max` | int | 128 | the most sessions at once |
/// | `media.record.seconds` | int | 600 | the longest recording per direction |
/// | `media.record.bytes` | int | 10485760 | the most PCM bytes per direction |
/// | `media.ptime` | int | 20 | milliseconds of audio per sent packet |
/// | `media.receive.packetsPerSecond` | int | 200 | received packets accepted per second per socket |
/// | `media.rtcp.interval` | int | 5 | seconds between RTCP reports |
/// | `media.dtmf.duration` | int | 100 | milliseconds per sent DTMF digit |
/// | `media.playback.maxBurst` | int | 5 | overdue packets sent at once after a stall; older ones are skipped |
public struct MediaConfiguration: Sendable, Hashable {
    /// The address the RTP and RTCP sockets bind to. Default `0.0.0.0`.
    public var host: String

    /// The ports sessions may use. RTP takes even ports, RTCP the odd port above (RFC 3550 §11); ports in use by
    /// another process are skipped. Default 16,384…32,767 (8,192 sessions' worth).
    public var portRange: ClosedRange<Int>

    /// The most sessions at once; ``MediaEngine/makeSession(_:observer:onDigit:)`` throws
    /// ``MediaError/Code/tooManySessions`` beyond it. Default 128.
    public var maximumSessions: Int

    /// The longest recording per direction, in seconds. Default 600.
    public var maximumRecordingDuration: Int

    /// The most PCM bytes recorded per direction. Default 10 MiB.
    public var maximumRecordingBytes: Int

    /// Milliseconds of audio per sent packet (RFC 3551 §4.5: 20 by default for G.711). Default 20.
    public var packetTime: Int

    /// Datagrams accepted per second on each of a session's two sockets. Beyond it, datagrams are counted in
    /// ``MediaSessionStatistics/droppedByRateLimit`` and dropped before parsing, recording or observing, so an
    /// RTP flood costs bounded CPU and memory. Default 200 (G.711 at 20 ms is 50 per second, DTMF adds ~20).
    public var maximumReceivedPacketsPerSecond: Int

    /// Seconds between RTCP reports (RFC 3550 §6.2 suggests 5). 0 disables them. Default 5.
    public var rtcpInterval: Int

    /// Milliseconds each sent DTMF digit lasts. Default 100.
    public var dtmfDuration: Int

    /// After the event loop stalled, the most overdue playback packets sent at once; older ticks are skipped (and
    /// counted) so the receiver is not flooded with stale audio. Default 5 (100 ms at 20 ms).
    public var maximumPlaybackBurst: Int

    /// The most even ports tried when binding one session before giving up. Default 64.
    public var maximumBindAttempts: Int

    /// The bounds of the RTP/RTCP parsers.
    public var limits: RTPLimits

    /// Creates a configuration; every parameter defaults to the documented default.
    public init(
        host: String = "0.0.0.0",
        portRange: ClosedRange<Int> = 16_384...32_767,
        maximumSessions: Int = 128,
        maximumRecordingDuration: Int = 600,
        maximumRecordingBytes: Int = 10 * 1_024 * 1_024,
        packetTime: Int = 20,
        maximumReceivedPacketsPerSecond: Int = 200,
        rtcpInterval: Int = 5,
        dtmfDuration: Int = 100,
        maximumPlaybackBurst: Int = 5,
        maximumBindAttempts: Int = 64,
        limits: RTPLimits = RTPLimits()
    ) {
        self.host = host
        self.portRange = portRange
        self.maximumSessions = max(0, maximumSessions)
        self.maximumRecordingDuration = max(0, maximumRecordingDuration)
        self.maximumRecordingBytes = max(0, maximumRecordingBytes)
        self.packetTime = min(max(packetTime, 10), 120)
        self.maximumReceivedPacketsPerSecond = max(0, maximumReceivedPacketsPerSecond)
        self.rtcpInterval = max(0, rtcpInterval)
        self.dtmfDuration = min(max(dtmfDuration, 40), 2_000)
        self.maximumPlaybackBurst = max(1, maximumPlaybackBurst)
        self.maximumBindAttempts = max(1, maximumBindAttempts)
        self.limits = limits
    }
}
