public import SIPCore

extension SIPTransactionTable {
    /// The table's timers, bounds and persona details.
    public struct Configuration: Sendable, Hashable {
        /// T1, T2, T4 and the "100 Trying" delay for every transaction. Its ``SIPTimerConfiguration/reliable``
        /// flag is not used: each message or request says which kind of transport it travels on.
        public var timers: SIPTimerConfiguration
        /// The most transactions (server and client) alive at once: 100,000 by default. A new transaction
        /// beyond it is refused.
        public var maximumTransactions: Int
        /// The most bytes that live transactions may hold (retained responses, requests, ACKs, and the text of
        /// their keys): 64 MiB by default. A new transaction beyond it is refused.
        public var maximumRetainedBytes: Int
        /// Headers appended to every "100 Trying" an INVITE server transaction sends on its own.
        public var tryingHeaders: [SIPMessageBuilder.Header]
        /// Whether requests other than INVITE, CANCEL and ACK are answered without a transaction under load:
        /// `false` (the default) gives each its transaction while there is room and refuses it when the table
        /// ``isFull`` (``Routing/refused(_:)``); `true` hands it to the TU to be answered as a stateless UAS
        /// (``Routing/stateless(_:_:)``, RFC 3261 §8.2.7) as soon as the table is half full (either bound), so
        /// that a flood of OPTIONS or REGISTERs is still answered and the other half stays free for INVITE and
        /// CANCEL, which always need their transaction and are refused only when the table is full.
        public var statelessUnderLoad: Bool
        /// With ``statelessUnderLoad``, the most non-INVITE server transactions kept before new non-INVITE
        /// requests are answered statelessly even though the table is less than half full. `nil` (the default):
        /// only the half-full rule applies. A honeypot sees a few OPTIONS keep-alives a second from honest
        /// peers (a few hundred transactions over Timer J's 32 s) and thousands a second from a scanner; state
        /// for the scanner's requests buys nothing (their retransmissions are answered again instead of
        /// absorbed) and costs a timer, an entry and its retained response each.
        public var maximumStatefulNonInvite: Int?

        /// A configuration; the defaults are RFC 3261's timers, 100,000 transactions and 64 MiB.
        public init(
            timers: SIPTimerConfiguration = .default,
            maximumTransactions: Int = 100_000,
            maximumRetainedBytes: Int = 64 << 20,
            tryingHeaders: [SIPMessageBuilder.Header] = [],
            statelessUnderLoad: Bool = false,
            maximumStatefulNonInvite: Int? = nil
        ) {
            self.timers = timers
            self.maximumTransactions = maximumTransactions
            self.maximumRetainedBytes = maximumRetainedBytes
            self.tryingHeaders = tryingHeaders
            self.statelessUnderLoad = statelessUnderLoad
            self.maximumStatefulNonInvite = maximumStatefulNonInvite.map { max(0, $0) }
        }
    }
}
