public import NIOCore
public import RTP

/// What a session has done so far; ``MediaSession/stop()`` returns the final value.
public struct MediaSessionStatistics: Sendable {
    /// RTP datagrams received and accepted by the rate limit.
    public var rtpReceived = 0
    /// RTCP datagrams received and accepted by the rate limit.
    public var rtcpReceived = 0
    /// RTP packets sent.
    public var rtpSent = 0
    /// RTCP compound packets sent.
    public var rtcpSent = 0
    /// RTP payload octets sent (the RTCP sender report's octet count).
    public var payloadOctetsSent = 0
    /// Datagrams dropped by ``MediaConfiguration/maximumReceivedPacketsPerSecond``.
    public var droppedByRateLimit = 0
    /// RTP datagrams that did not parse.
    public var malformedRTP = 0
    /// RTCP datagrams that did not parse.
    public var malformedRTCP = 0
    /// RTP packets from an address other than the latched remote (not recorded).
    public var foreignPackets = 0
    /// Packets not sent because no remote address was known yet.
    public var unsentPackets = 0
    /// Playback ticks skipped because the event loop fell more than ``MediaConfiguration/maximumPlaybackBurst`` ticks behind.
    public var skippedTicks = 0
    /// Telephone events received (one per digit).
    public var digitsReceived = 0
    /// Telephone events sent.
    public var digitsSent = 0
    /// Whether an RTCP BYE was received.
    public var receivedBye = false
    /// The address RTP is sent to: the latched source of the remote's packets, else the SDP address.
    public var remoteRTPAddress: SocketAddress?
    /// The remote's SSRC, once seen.
    public var remoteSSRC: UInt32?
    /// The remote stream's reception statistics (RFC 3550 A.1/A.8), once a packet arrived.
    public var reception: RTPReceptionStatistics?
    /// The recorder's statistics for what the remote sent.
    public var recordedReceived = MediaRecorder.Statistics()
    /// The recorder's statistics for what the honeypot sent.
    public var recordedSent = MediaRecorder.Statistics()

    /// Creates empty statistics.
    public init() {}
}
