public import NIOCore
public import SIPCore

/// A message the transport received, stamped with where and when it arrived.
public struct SIPInboundMessage: Sendable {
    /// The parsed message (its raw bytes are ``SIPCore/SIPMessage/bytes``).
    public var message: SIPMessage
    /// How it arrived.
    public var arrival: SIPArrival

    /// A received message.
    public init(message: SIPMessage, arrival: SIPArrival) {
        self.message = message
        self.arrival = arrival
    }
}

/// Bytes the transport received that do not parse as SIP, with the parser's reason.
public struct SIPRejectedBytes: Sendable {
    /// The bytes (for a stream, what was buffered when framing failed, at most one message's limit).
    public var bytes: ByteBuffer
    /// Why they were rejected.
    public var error: SIPParseError
    /// How they arrived.
    public var arrival: SIPArrival

    /// Rejected bytes.
    public init(bytes: ByteBuffer, error: SIPParseError, arrival: SIPArrival) {
        self.bytes = bytes
        self.error = error
        self.arrival = arrival
    }
}

/// Where and when bytes arrived: transport, the peer's address, the honeypot's own (destination) address
/// from the packet information, the connection for streams, and the wall-clock time.
public struct SIPArrival: Sendable, Hashable {
    /// The transport.
    public var transport: SIPTransportKind
    /// The peer's address (the packet's source).
    public var remote: SocketAddress
    /// The honeypot's address the packet was sent to (`IP_PKTINFO`/`IPV6_PKTINFO` for UDP, the socket's
    /// local address for streams).
    public var local: SocketAddress
    /// The stream connection it came on; `nil` for UDP.
    public var connection: SIPConnectionID?
    /// Nanoseconds since the Unix epoch (wall clock) when the transport read it.
    public var nanosecondsSinceEpoch: Int64

    /// An arrival.
    public init(
        transport: SIPTransportKind,
        remote: SocketAddress,
        local: SocketAddress,
        connection: SIPConnectionID?,
        nanosecondsSinceEpoch: Int64
    ) {
        self.transport = transport
        self.remote = remote
        self.local = local
        self.connection = connection
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Where a response to something that arrived this way goes when nothing else is known: back to the
    /// source over the same transport and connection.
    public var replyTarget: SIPTarget {
        SIPTarget(transport: self.transport, remote: self.remote, connection: self.connection, local: self.local)
    }
}

/// Where the transport sends bytes.
public struct SIPTarget: Sendable, Hashable, CustomStringConvertible {
    /// The transport.
    public var transport: SIPTransportKind
    /// The destination address.
    public var remote: SocketAddress
    /// For streams, the connection to use while it is open; a new connection to ``remote`` is opened otherwise.
    public var connection: SIPConnectionID?
    /// For UDP, the local address whose socket sends (the one the request arrived on); any UDP socket when
    /// `nil` or unknown.
    public var local: SocketAddress?

    /// A target.
    public init(
        transport: SIPTransportKind,
        remote: SocketAddress,
        connection: SIPConnectionID? = nil,
        local: SocketAddress? = nil
    ) {
        self.transport = transport
        self.remote = remote
        self.connection = connection
        self.local = local
    }

    public var description: String { "\(self.transport) \(self.remote)" }
}
