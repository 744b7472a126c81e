import Behaviour
public import NIOCore
import SDP
public import SIPCore
public import SIPTransactions
public import SIPTransport

/// The transaction user of the honeypot's SIP stack (RFC 3261 §8.2 UAS behaviour, §12–15 dialogs): it answers
/// every request the transaction layer delivers, keeps the dialogs of calls, and turns its call controllers'
/// commands into SIP.
///
/// A value with no IO and no clock: each event returns ``UserAgentAction``s that the stack performs.
///
/// ### Safety choices
/// - In-dialog requests (BYE) go to the address the INVITE came from, over the same transport, never to a
///   host named in the Contact: a forged Contact cannot make the honeypot send to a third party.
/// - Dialogs are bounded (``Configuration/maximumDialogs``); beyond it an INVITE gets 486 Busy Here, as a busy
///   phone would answer.
/// - Every response is built from the request (Via, From, To, Call-ID, CSeq echoed; a to-tag added), never
///   canned; attacker text in echoed headers is made inert by the serializer.
public struct UserAgentCore: Sendable {
    /// Settings of the UA core.
    public struct Configuration: Sendable {
        /// The persona of requests to users with no persona of their own.
        public var defaultPersona: Persona
        /// Personas by Request-URI user part (the honeypot's accounts).
        public var personaByUser: [String: Persona]
        /// When set, requests to users not in ``personaByUser`` get this status (404, as baresip does);
        /// `nil` answers every user, as most phones do.
        public var unknownUserStatus: Int?
        /// The most dialogs at once: 10,000 by default.
        public var maximumDialogs: Int
        /// RTP ports offered in SDP answers (even numbers, cycled).
        public var rtpPorts: ClosedRange<UInt16>
        /// T1 and T2 for 2xx retransmission.
        public var t1: Duration
        public var t2: Duration
        /// Makes each call's controller.
        public var controllerFactory: CallControllerFactory
        /// The realm REGISTER requests are challenged with, asked at each REGISTER (an active profile's
        /// `REGISTER/OpChallenge(realm)`; it may change when the profile is reloaded). `nil`: the persona decides.
        public var registerChallenge: @Sendable () -> String? = { nil }

        /// A configuration; by default every call is handled by ``BuiltInCallPolicy`` with its defaults.
        public init(
            defaultPersona: Persona,
            personaByUser: [String: Persona] = [:],
            unknownUserStatus: Int? = nil,
            maximumDialogs: Int = 10_000,
            rtpPorts: ClosedRange<UInt16> = 16_384...32_766,
            t1: Duration = .milliseconds(500),
            t2: Duration = .seconds(4),
            controllerFactory: @escaping CallControllerFactory = { _ in BuiltInCallPolicy(settings: .init()) }
        ) {
            self.defaultPersona = defaultPersona
            self.personaByUser = personaByUser
            self.unknownUserStatus = unknownUserStatus
            self.maximumDialogs = maximumDialogs
            self.rtpPorts = rtpPorts
            self.t1 = t1
            self.t2 = t2
            self.controllerFactory = controllerFactory
        }
    }

    /// The configuration.
    public let configuration: Configuration
    var dialogs: [DialogID: Dialog] = [:]
    /// Dialogs by Call-ID and local tag (the remote tag of an RFC 2543 peer may be missing).
    var dialogByInvite: [SIPTransactionKey: DialogID] = [:]
    /// Initial requests being served, for merged-request detection (§8.2.2.2).
    var serving: [MergeKey: SIPTransactionKey] = [:]
    var servingByKey: [SIPTransactionKey: MergeKey] = [:]
    /// Set by the stack while it answers a request without a transaction (RFC 3261 §8.2.7): the request is
    /// still checked against the requests being served (§8.2.2.2) but not remembered, since it ends at once.
    public var answeringStatelessly = false
    var rng: SplitMix64
    var nextRTPPort: UInt16
    /// The Contact written last, for the next answer to the same user at the same local address (a flood's).
    var lastContact: (user: String?, arrival: SIPArrival, value: String)?

    struct MergeKey: Hashable {
        var fromTag: String
        var callID: String
        var cseq: UInt32
        var method: String
    }

    /// A UA core; `seed` fixes its identifiers (tests), `nil` seeds from the system.
    public init(configuration: Configuration, seed: UInt64? = nil) {
        self.configuration = configuration
        self.rng = seed.map(SplitMix64.init(seed:)) ?? SplitMix64()
        self.nextRTPPort = configuration.rtpPorts.lowerBound & ~1
    }

    /// The number of live dialogs.
    public var dialogCount: Int { self.dialogs.count }

    /// The persona answering a request to `user`.
    func persona(for request: SIPMessage) -> Persona {
        self.persona(forUser: request.requestURI?.user)
    }

    /// The persona answering requests to `user`.
    func persona(forUser user: String?) -> Persona {
        guard let user else { return self.configuration.defaultPersona }
        return self.configuration.personaByUser[user] ?? self.configuration.defaultPersona
    }

    // MARK: Events

    /// A request that created server transaction `key` (never ACK or CANCEL). `route` is the request's
    /// ``ResponseRouting/route(_:arrival:)`` when the caller computed it already.
    public mutating func received(
        _ request: SIPMessage,
        key: SIPTransactionKey,
        arrival: SIPArrival,
        route: ResponseRouting.Route? = nil
    ) -> [UserAgentAction] {
        let uri = request.requestURISchemeAndUser
        let persona = self.persona(forUser: uri?.user)
        let routing = route ?? ResponseRouting.route(request, arrival: arrival)
        let context = RequestContext(
            request: request,
            key: key,
            arrival: arrival,
            persona: persona,
            firstVia: routing.firstVia,
            uri: uri
        )
        if let rejection = self.inspect(context) {
            return [
                .respond(
                    key,
                    self.response(context, status: rejection.status, reason: rejection.reason, extra: rejection.headers)
                )
            ]
        }
        if context.toTag != nil {
            return self.receivedInDialog(context)
        }
        let method = request.method ?? .options
        switch method {
        case .invite:
            return self.receivedInitialInvite(context)
        case .options:
            return [.respond(key, self.optionsAnswer(context))]
        case .register:
            return [.respond(key, self.registerAnswer(context))]
        case .message:
            return [.respond(key, self.response(context, status: 200))]
        case .subscribe, .publish:
            return [.respond(key, self.response(context, status: 489))]
        case .refer:
            return [.respond(key, self.response(context, status: 603))]
        default:
            // BYE, INFO, UPDATE, PRACK, NOTIFY outside any dialog.
            return [.respond(key, self.response(context, status: 481))]
        }
    }

    /// The server transaction `key` ended: forget it for merged-request detection.
    public mutating func serverTransactionEnded(_ key: SIPTransactionKey) {
        if let merge = self.servingByKey.removeValue(forKey: key), self.serving[merge] == key {
            self.serving[merge] = nil
        }
    }
}

/// A request and what is known of it while it is answered.
struct RequestContext {
    let request: SIPMessage
    let key: SIPTransactionKey
    let arrival: SIPArrival
    let persona: Persona
    let firstVia: String?
    /// The Request-URI's scheme and user, read once (the only parts of it the UA core uses; `nil` when the
    /// Request-URI does not parse).
    let uri: (scheme: SIPURI.Scheme, user: String?)?
    /// The To and From tags, parsed once (a name-address parse is the costliest read of a request).
    let toTag: String?
    let fromTag: String?

    init(
        request: SIPMessage,
        key: SIPTransactionKey,
        arrival: SIPArrival,
        persona: Persona,
        firstVia: String?,
        uri: (scheme: SIPURI.Scheme, user: String?)?? = nil
    ) {
        self.request = request
        self.key = key
        self.arrival = arrival
        self.persona = persona
        self.firstVia = firstVia
        self.uri = uri ?? request.requestURISchemeAndUser
        self.toTag = request.toTag
        self.fromTag = request.fromTag
    }
}
