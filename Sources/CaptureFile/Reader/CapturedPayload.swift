public import NIOCore

/// One piece of transport payload found in a capture: a whole UDP datagram, or the next in-order bytes of one
/// direction of a TCP stream (frame SIP in them with Content-Length; one payload may hold several messages or part
/// of one).
public struct CapturedPayload: Sendable, Hashable {
    /// The transport protocol the bytes came over.
    public enum Transport: String, Sendable, Hashable {
        /// A UDP datagram's payload.
        case udp = "udp"
        /// Stream bytes of one direction of a TCP connection, in sequence order.
        case tcp = "tcp"
    }

    /// When the packet that completed these bytes was captured, in nanoseconds since the Unix epoch; `nil` when the
    /// capture does not say (pcapng simple packet blocks) or the time does not fit in an `Int64`.
    public var timestamp: Int64?

    /// UDP or TCP.
    public var transport: Transport

    /// The sender's address and port.
    public var source: CaptureEndpoint

    /// The receiver's address and port.
    public var destination: CaptureEndpoint

    /// The payload bytes (a slice of the capture where possible).
    public var bytes: ByteBuffer

    /// Creates a payload record.
    public init(
        timestamp: Int64?,
        transport: Transport,
        source: CaptureEndpoint,
        destination: CaptureEndpoint,
        bytes: ByteBuffer
    ) {
        self.timestamp = timestamp
        self.transport = transport
        self.source = source
        self.destination = destination
        self.bytes = bytes
    }
}

/// An IP address as text and a port.
public struct CaptureEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The address: dotted quad for IPv4, RFC 5952 text for IPv6 (lower case, longest zero run as `::`).
    public var address: String

    /// The UDP or TCP port.
    public var port: UInt16

    /// Creates an endpoint.
    public init(address: String, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// `address:port`, or `[address]:port` for IPv6.
    public var description: String {
        self.address.contains(":") ? "[\(self.address)]:\(self.port)" : "\(self.address):\(self.port)"
    }
}
