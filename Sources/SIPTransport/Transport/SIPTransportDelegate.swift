public import NIOCore

/// Receives what a ``SIPTransport`` reads and reports what it writes. Every method is called on the
/// transport's event loop, so an implementation confined to that loop needs no locks.
public protocol SIPTransportDelegate: AnyObject {
    /// A message was read and parsed.
    func transport(received message: SIPInboundMessage)
    /// Bytes were read that are not SIP (or, on a stream, could not be framed; the connection is then closed).
    func transport(rejected bytes: SIPRejectedBytes)
    /// Bytes were handed to the socket for `target`, from `local`, at the wall-clock time given.
    func transport(
        sent bytes: ByteBuffer,
        to target: SIPTarget,
        from local: SocketAddress?,
        nanosecondsSinceEpoch: Int64
    )
    /// Bytes could not be sent to `target`.
    func transport(failedToSendTo target: SIPTarget, error: any Error)
}
