public import NIOCore
public import SIPCore
public import SIPTransactions
public import SIPTransport

/// Timers of the UA core (the transaction layer's timers are separate).
public enum UserAgentTimer: Sendable, Hashable {
    /// A named timer of a call's controller.
    case controller(DialogID, String)
    /// Retransmit the 2xx awaiting its ACK (§13.3.1.4: T1, doubling up to T2).
    case retransmit2xx(DialogID)
    /// No ACK after 64·T1: hang up (§13.3.1.4).
    case ackTimeout(DialogID)
}

/// What the UA core asks the stack to do.
public enum UserAgentAction: Sendable {
    /// Send this response on the server transaction `key`.
    case respond(SIPTransactionKey, SIPMessageBuilder)
    /// Retransmit these bytes (a 2xx) on the INVITE transaction `key` (RFC 6026 Accepted state).
    case retransmit(SIPTransactionKey, ByteBuffer, status: Int)
    /// Start a client transaction for this request, sent to `target`.
    case sendRequest(SIPMessageBuilder, to: SIPTarget)
    /// Start (or restart) a timer.
    case startTimer(UserAgentTimer, after: Duration)
    /// Cancel a timer.
    case cancelTimer(UserAgentTimer)
    /// A call-level event for the log and the store.
    case callEvent(DialogID, String)
    /// A command for the call's media; `rtpPort` is the port of the honeypot's SDP.
    case media(DialogID, MediaCommand, rtpPort: UInt16)
    /// The call was answered: open its media session (before the controller's media commands of the answer).
    case mediaStart(DialogID, MediaSetup)
    /// The call ended: close its media session and keep its recordings.
    case mediaStop(DialogID)
}

/// What the media engine needs to open a call's session.
public struct MediaSetup: Sendable, Hashable {
    /// The RTP port of the honeypot's SDP (RTCP is the next port).
    public var localPort: UInt16
    /// The honeypot's address in its SDP (the address the INVITE arrived at).
    public var localAddress: String?
    /// The caller's RTP address and port from its offer (`nil` without an offer: symmetric RTP learns it).
    public var remoteAddress: String?
    public var remotePort: Int?
    /// The audio payload type of the answer: 0 (PCMU) or 8 (PCMA).
    public var payloadType: UInt8
    /// The telephone-event payload type of the answer, if negotiated.
    public var telephoneEventPayloadType: UInt8?

    /// A setup.
    public init(
        localPort: UInt16,
        localAddress: String? = nil,
        remoteAddress: String? = nil,
        remotePort: Int? = nil,
        payloadType: UInt8 = 0,
        telephoneEventPayloadType: UInt8? = nil
    ) {
        self.localPort = localPort
        self.localAddress = localAddress
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.payloadType = payloadType
        self.telephoneEventPayloadType = telephoneEventPayloadType
    }
}
