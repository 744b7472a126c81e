import NIOCore

/// A server-transaction state that answers a retransmitted request by resending the most recent response
/// it sent, unchanged (RFC 3261 §17.2.1 Proceeding and Completed, §17.2.2 Proceeding and Completed).
///
/// Only the states allowed to do so adopt it (the model is apple/swift-nio-ssh's `Operations/` protocols);
/// the non-INVITE Trying state does not, so a retransmission there is absorbed (§17.2.2).
protocol ResendsLastResponse {
    /// The most recent response sent in this state, if any.
    var lastResponse: ByteBuffer? { get }
}

extension ResendsLastResponse {
    /// The actions for a request retransmission: resend the last response, or absorb it when there is none.
    func requestRetransmitted() -> [SIPTransactionAction] {
        guard let response = self.lastResponse else { return [.ignore(.retransmission)] }
        return [.send(response)]
    }
}
