/// The RFC 3261 transaction timers (§17 and Table 4 of Appendix A, with RFC 6026's L and M), plus the 200 ms
/// "100 Trying" timer.
///
/// A state machine never waits: it returns ``SIPTransactionAction/startTimer(_:after:)`` and the stack
/// schedules the timer, then reports it back with the machine's `timerFired(_:)`. Timer C is a proxy timer
/// (§16.6, step 11), not a transaction timer, so it has no case here.
public enum SIPTimer: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// INVITE request retransmit interval, unreliable transports only (§17.1.1.2); starts at T1 and doubles.
    case a
    /// INVITE transaction timeout (§17.1.1.2): 64·T1.
    case b
    /// Wait time for response retransmissions after a non-2xx final response to an INVITE (§17.1.1.2):
    /// at least 32 s over unreliable transports, zero over reliable ones.
    case d
    /// Non-INVITE request retransmit interval, unreliable only (§17.1.2.2): starts at T1, doubles up to T2.
    case e
    /// Non-INVITE transaction timeout (§17.1.2.2): 64·T1.
    case f
    /// INVITE final-response retransmit interval, unreliable only (§17.2.1): starts at T1, doubles up to T2.
    case g
    /// Wait time for the ACK of a non-2xx final response (§17.2.1): 64·T1.
    case h
    /// Wait time for ACK retransmissions (§17.2.1): T4 unreliable, zero reliable.
    case i
    /// Wait time for non-INVITE request retransmissions (§17.2.2): 64·T1 unreliable, zero reliable.
    case j
    /// Wait time for non-INVITE response retransmissions (§17.1.2.2): T4 unreliable, zero reliable.
    case k
    /// Wait time for retransmissions of an accepted INVITE (RFC 6026 §7.1, §8.7): 64·T1.
    case l
    /// Wait time for retransmissions of a 2xx response to an INVITE (RFC 6026 §7.2): 64·T1.
    case m
    /// The server sends "100 Trying" when the TU has not answered an INVITE within 200 ms (§17.2.1).
    case trying

    /// The timer's name as RFC 3261 writes it (`Timer A`, …, `100 Trying`).
    public var description: String {
        switch self {
        case .trying: "100 Trying"
        case .a, .b, .d, .e, .f, .g, .h, .i, .j, .k, .l, .m: "Timer \(self.rawValue.uppercased())"
        }
    }
}
