public import NIOCore

/// One RTP or RTCP datagram a session received or sent, for the trace store (beside the SIP messages).
///
/// Reported through the observer given to ``MediaEngine/makeSession(_:observer:onDigit:)``, on the session's
/// event loop: the observer must be quick and must not block (hand the event to a bounded writer). Datagrams
/// dropped by the rate limit are not reported (they are counted instead).
public struct MediaPacketEvent: Sendable {
    /// Which way the datagram went.
    public enum Direction: String, Sendable, Hashable {
        /// From the remote party to the honeypot.
        case received
        /// From the honeypot to the remote party.
        case sent
    }

    /// Which protocol the datagram belongs to, by the socket it used.
    public enum Kind: String, Sendable, Hashable {
        /// RTP (the even port).
        case rtp
        /// RTCP (the odd port).
        case rtcp
    }

    /// The session's identifier (``MediaSession/id``).
    public var sessionID: UInt64

    /// Which way the datagram went.
    public var direction: Direction

    /// RTP or RTCP.
    public var kind: Kind

    /// The datagram's bytes, unparsed.
    public var bytes: ByteBuffer

    /// When it was read or written: nanoseconds since the Unix epoch (wall clock).
    public var nanosecondsSinceEpoch: Int64

    /// The honeypot's address.
    public var local: SocketAddress?

    /// The remote party's address.
    public var remote: SocketAddress

    /// Creates an event.
    public init(
        sessionID: UInt64,
        direction: Direction,
        kind: Kind,
        bytes: ByteBuffer,
        nanosecondsSinceEpoch: Int64,
        local: SocketAddress?,
        remote: SocketAddress
    ) {
        self.sessionID = sessionID
        self.direction = direction
        self.kind = kind
        self.bytes = bytes
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
        self.local = local
        self.remote = remote
    }
}
