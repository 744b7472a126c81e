public import SIPCore

extension SIPTransactionTable {
    /// Where the table sent a message from the transport, and what the stack must do next.
    public enum Routing: Sendable, Hashable {
        /// The message matched a live transaction (a retransmission, the ACK of a final response, a response to
        /// a client transaction); run the actions for that key. If they end with ``SIPTransactionAction/terminate``
        /// the table has already removed the transaction.
        case transaction(SIPTransactionKey, [SIPTransactionAction])
        /// A request that matched nothing created a server transaction. The actions start it; they end with
        /// ``SIPTransactionAction/deliverToTU(_:)`` of the request, which the TU must answer (or abandon).
        case newServerTransaction(SIPTransactionKey, [SIPTransactionAction])
        /// A CANCEL that matched nothing created its own non-INVITE server transaction (the first key; the
        /// actions deliver the CANCEL to the TU). `matching` is the live INVITE server transaction it cancels
        /// (§9.2): the TU answers the CANCEL with 200 and, if that INVITE is still Proceeding, the INVITE with
        /// 487. When `matching` is `nil` the TU answers the CANCEL with 481.
        case cancel(SIPTransactionKey, matching: SIPTransactionKey?, [SIPTransactionAction])
        /// An ACK that matched no server transaction and has a To tag: by §17.2.3 it acknowledges a 2xx and
        /// belongs to the TU (the dialog layer), which matches it to a dialog or drops it.
        case ackFor2xx(SIPMessage)
        /// An ACK that matched no server transaction and has no To tag, so it cannot belong to any dialog (a 2xx
        /// always carries a tag): drop it. Scanners send these.
        case strayACK(SIPMessage)
        /// A response that matched no client transaction (§17.1.3). RFC 6026, updating §18.1.2, has every
        /// element but a stateless proxy discard it silently: drop it.
        case strayResponse(SIPMessage)
        /// A request that would create a transaction while the table is at its bound (``SIPTransactionTable/isFull``).
        /// No transaction was created. The stack **drops** it without answering: a 503 would be sent for every
        /// packet of a flood, to a source address the flood may have spoofed (reflection), and a stateless 503
        /// could not absorb the retransmissions anyway. A genuine client retransmits and is served when the
        /// table has drained.
        case refused(SIPMessage)
        /// A request other than INVITE, CANCEL and ACK that would create a transaction while the table is at least
        /// half full or holds ``Configuration/maximumStatefulNonInvite`` non-INVITE transactions, or an INVITE
        /// outside a dialog while ``SIPTransactionTable/answerInitialInvitesStatelessly`` is set, with
        /// ``Configuration/statelessUnderLoad`` set. No transaction was created: the TU answers
        /// it as a stateless UAS (RFC 3261 §8.2.7), sending its response straight to the transport under this
        /// key (the key the transaction would have had), and keeps nothing. Retransmissions are not absorbed:
        /// each one reaches the TU and is answered again, as a stateless UAS does. Answering costs the flood's
        /// source no more than answering below the bound does (the same response to the same request), so the
        /// reflection argument of ``refused(_:)`` does not apply here.
        case stateless(SIPTransactionKey, SIPMessage)
        /// A request without what transaction matching needs (a top Via; without an RFC 3261 branch, also a
        /// Call-ID and a CSeq). No response can even be routed without a Via: drop it.
        case unmatchable(SIPMessage)
    }

    /// The result of starting a client transaction.
    public enum ClientStart: Sendable, Hashable {
        /// The transaction exists under this key; run the actions (they send the request and start its timers).
        case started(SIPTransactionKey, [SIPTransactionAction])
        /// No transaction was created.
        case refused(ClientRefusal)
    }

    /// Why a client transaction was not started.
    public enum ClientRefusal: Sendable, Hashable {
        /// The table is at its bound.
        case full
        /// The message is not a request that starts a client transaction: a response, an ACK (never a
        /// transaction of its own, §17.1.1.3), or a request without a branch in its top Via.
        case invalidRequest
        /// A live client transaction already has this branch and method: the TU must use a fresh branch for
        /// every request (§8.1.1.7).
        case duplicateKey
    }
}
