public import SIPCore

extension SIPMessageBuilder {
    /// The ACK an INVITE client transaction sends for a 300–699 final response (RFC 3261 §17.1.1.3).
    ///
    /// - Request-URI: the INVITE's, as sent.
    /// - Via: one entry, the INVITE's top Via exactly as sent (same branch, so it matches the server
    ///   transaction, §17.2.3).
    /// - Max-Forwards: 70 (every request carries one, §8.1.1.6).
    /// - Route: every Route field of the INVITE, in order.
    /// - From, Call-ID: the INVITE's. To: the response's (it carries the tag the server chose); the INVITE's
    ///   when the response has no To.
    /// - CSeq: the INVITE's sequence number with method ACK.
    ///
    /// A header the INVITE lacks is left out: the builder never invents identity.
    public static func ack(for invite: SIPMessage, response: SIPMessage) -> SIPMessageBuilder {
        var ack = SIPMessageBuilder(.request(method: .ack, uri: invite.requestURIText ?? ""))
        if let via = invite.topViaText { ack.add("Via", via) }
        ack.add("Max-Forwards", "70")
        for route in invite.rawValues(.route) { ack.add("Route", route) }
        if let from = invite.firstValue(.from) { ack.add("From", from) }
        if let to = response.firstValue(.to) ?? invite.firstValue(.to) { ack.add("To", to) }
        if let callID = invite.callID { ack.add("Call-ID", callID) }
        if let cseq = invite.cseq { ack.add("CSeq", "\(cseq.sequence) ACK") }
        return ack
    }
}
