import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport

/// One call the honeypot takes part in, as its UAS, from the initial INVITE to the end (RFC 3261 §12, §13.3,
/// §15).
struct Dialog {
    /// Where the dialog is.
    enum Phase: Hashable {
        /// The INVITE server transaction `key` awaits a final response (provisional ones may have been sent).
        case early(invite: SIPTransactionKey)
        /// A 2xx was sent; the dialog is confirmed (the ACK may still be due, see ``Dialog/awaitingACK``).
        case confirmed
        /// The honeypot sent BYE and waits for its answer.
        case terminating
    }

    /// A 2xx to an INVITE that is retransmitted until its ACK arrives (§13.3.1.4).
    struct AwaitingACK {
        var invite: SIPTransactionKey
        var cseq: UInt32
        var response: ByteBuffer
        var interval: Duration
    }

    let id: DialogID
    /// The key of the dialog-creating INVITE's server transaction.
    let inviteKey: SIPTransactionKey
    var phase: Phase
    let persona: Persona
    /// The dialog-creating INVITE and the annotated text of its first Via (for every response to it).
    let invite: SIPMessage
    let firstVia: String?
    /// Where in-dialog requests go: the source of the INVITE (never a host the caller names, see
    /// ``UserAgentCore``).
    let peer: SIPTarget
    let local: SIPArrival
    /// The remote target (Contact URI of the INVITE), the route set (its Record-Route, in order, §12.1.1).
    let remoteTarget: String
    let routeSet: [String]
    /// The From and To header values as the honeypot writes them in its own requests.
    let localAddress: String
    let remoteAddress: String
    var localCSeq: UInt32
    var remoteCSeq: UInt32
    var controller: any CallController
    var rung = false
    var awaitingACK: AwaitingACK?
    /// The controller hung up while the 2xx awaited its ACK: BYE goes out when the ACK comes (§15: never
    /// before the ACK or the 2xx's timeout).
    var hangUpAfterACK = false
    /// A re-INVITE being answered (another one gets 491).
    var pendingReinvite: SIPTransactionKey?
    var controllerTimers: Set<String> = []
    /// The SDP session of the honeypot's side.
    var sdpSessionID: UInt64
    var sdpVersion: UInt64
    let rtpPort: UInt16
    /// The telephone-event payload type of the answer (RFC 4733), when one was negotiated: DTMF the honeypot
    /// sends goes by RTP then, by SIP INFO otherwise.
    var telephoneEvent: UInt8? = nil
    /// The offer of the INVITE, when it had one the honeypot can answer.
    let offer: SDPOfferState
}

/// What the INVITE offered.
enum SDPOfferState: Hashable {
    /// No body: the 200 carries an offer and the ACK the answer.
    case none
    /// An SDP offer with an acceptable audio stream; the parsed offer is kept for the answer.
    case acceptable
}
