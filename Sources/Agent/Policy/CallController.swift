/// What decides, call by call, how the honeypot answers: the seam between the SIP stack and the behaviour
/// engine.
///
/// The stack owns the SIP side (provisional and final responses, the SDP answer, ACK and 2xx retransmission,
/// CANCEL, BYE in both directions) and asks the controller what the *phone* does: ring, answer, reject, hang
/// up, after what delays. A controller is a value owned by the call's dialog; the stack gives it events and
/// performs its commands. The built-in ``BuiltInCallPolicy`` rings, answers or rejects and hangs up after
/// fixed times; the behaviour engine (the profile's state machine) is another implementation of this protocol,
/// so replacing one with the other does not touch the stack.
public protocol CallController: Sendable {
    /// A new call arrived (an initial INVITE that passed the stack's checks).
    mutating func start(_ call: IncomingCall) -> [CallCommand]
    /// Something happened to the call.
    mutating func handle(_ event: CallEvent) -> [CallCommand]
}

/// Makes the controller of each new call.
public typealias CallControllerFactory = @Sendable (IncomingCall) -> any CallController

/// What the controller learns about a new call.
public struct IncomingCall: Sendable, Hashable {
    /// The Call-ID.
    public var callID: String
    /// The From URI (caller) and To URI (callee) as written.
    public var from: String
    public var to: String
    /// The Request-URI's user part, if any.
    public var calledUser: String?
    /// The User-Agent the caller sent, if any.
    public var userAgent: String?
    /// Whether the INVITE carried an SDP offer the honeypot can answer.
    public var hasAcceptableOffer: Bool
    /// Whether the INVITE carried credentials (Authorization or Proxy-Authorization).
    public var hasCredentials: Bool = false

    /// A call description.
    public init(
        callID: String,
        from: String,
        to: String,
        calledUser: String?,
        userAgent: String?,
        hasAcceptableOffer: Bool
    ) {
        self.callID = callID
        self.from = from
        self.to = to
        self.calledUser = calledUser
        self.userAgent = userAgent
        self.hasAcceptableOffer = hasAcceptableOffer
    }
}

/// An event of a call, given to its controller.
public enum CallEvent: Sendable, Hashable {
    /// A timer the controller started has fired.
    case timer(String)
    /// The caller acknowledged the answer (ACK for the 2xx): the call is established.
    case established
    /// The caller cancelled before the answer (CANCEL).
    case cancelled
    /// The caller hung up (BYE).
    case remoteHangUp
    /// The caller sent a re-INVITE (answered by the stack with the same media).
    case reinvited
    /// The caller never acknowledged the answer; the stack hung up.
    case ackTimeout
    /// A DTMF digit from the caller (SIP INFO `application/dtmf-relay` or `application/dtmf`; RFC 4733 once
    /// the media engine reports it).
    case dtmf(Character)
    /// Another request inside the dialog (INFO without a digit, MESSAGE, UPDATE, NOTIFY), by method name;
    /// the stack has answered it 200.
    case request(String)
}

/// What a controller asks of the call's media.
public enum MediaCommand: Sendable, Hashable {
    /// Play this file (a name from the profile) for at most `limit` (`nil`: to its end).
    case play(file: String, limit: Duration?)
    /// Stop playing.
    case stopPlay
    /// Record both directions for at most `limit` (`nil`: the configured maximum).
    case record(limit: Duration?)
    /// Stop recording.
    case stopRecord
    /// Send these DTMF digits.
    case sendDTMF(String)
}

/// What a controller asks the stack to do.
public enum CallCommand: Sendable, Hashable {
    /// Send 180 Ringing (once; repeated commands are ignored).
    case ring
    /// Answer with 200 and an SDP answer (or offer when the INVITE had none).
    case answer
    /// Reject with a final status (4xx–6xx) and an optional reason phrase (the persona's otherwise).
    case reject(status: Int, reason: String?)
    /// Redirect with 302 to this SIP URI.
    case redirect(contact: String)
    /// Hang up: BYE when the call is established, otherwise 480 to the pending INVITE.
    case hangUp
    /// Start (or restart) a named timer.
    case startTimer(String, after: Duration)
    /// Cancel a named timer.
    case cancelTimer(String)
    /// Answer the pending INVITE with `401 Unauthorized` and a Digest challenge for `realm`; an INVITE that
    /// already carries credentials is refused with `403 Forbidden` (its digest inputs are in the trace store).
    case challenge(realm: String)
    /// Something for the call's media.
    case media(MediaCommand)
    /// A line for the call's log (state changes, operators without a stack effect).
    case note(String)
}
