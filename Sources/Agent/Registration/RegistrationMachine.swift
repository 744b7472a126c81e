import Behaviour
public import SIPAuth
public import SIPCore
import SIPTransport

/// The registration of one AOR (RFC 3261 §10.2) as a pure state machine.
///
/// ```
///  start ──► registering ──2xx──► registered ──refresh timer──► registering
///               │  ▲ 401/407 (answer the challenge, at most twice per nonce; stale=true resets)
///               │  └ 423 (raise Expires to Min-Expires)
///               └─ other final, timeout ──► retrying ──backoff timer──► registering
///  stop (registered) ──► unregistering (Expires: 0) ──final/timeout──► stopped
/// ```
///
/// Refresh: before the granted expiry, at `granted − min(granted/2, 30 s)`. Backoff after failures (RFC 5626
/// §4.5's shape): 30 s, 60 s, 120 s … capped at 1,800 s. Nonce counts and cnonces come from ``DigestClient``.
public struct RegistrationMachine: Sendable {
    /// The phases.
    public enum Phase: String, Sendable, Hashable {
        case unregistered, registering, registered, retrying, unregistering, stopped
    }

    /// What the machine asks its driver to do.
    public enum Action: Sendable, Hashable {
        /// Send this REGISTER (the driver starts a client transaction).
        case send(SIPMessageBuilder)
        /// Fire ``timerFired()`` after this many seconds (replacing any scheduled one).
        case startTimer(after: Duration)
        /// Cancel the scheduled timer.
        case cancelTimer
        /// The phase changed (for logs and status).
        case phaseChanged(Phase)
    }

    /// The account.
    public let account: RegistrationAccount
    /// The phase.
    public private(set) var phase: Phase = .unregistered
    /// The expiry granted by the last 2xx.
    public private(set) var grantedExpires: Int?
    /// The last final status.
    public private(set) var lastStatus: Int?
    /// Consecutive failures.
    public private(set) var failures = 0

    private let callID: String
    private let fromTag: String
    private var cseq: UInt32
    private var expires: Int
    private var challengeAnswers = 0
    private var digest: DigestClient
    private var rng: SplitMix64
    private let contact: String
    private let viaSentBy: String

    /// A machine for `account`, whose Contact is at `localHost:localPort`.
    public init(account: RegistrationAccount, localHost: String, localPort: Int, seed: UInt64? = nil) {
        self.account = account
        var rng = seed.map(SplitMix64.init(seed:)) ?? SplitMix64()
        self.callID = account.persona.makeCallID(host: localHost, using: &rng)
        self.fromTag = account.persona.makeTag(using: &rng)
        self.cseq = UInt32(1 + rng.next() % 9_000)
        self.expires = account.expires
        let cnonceSeed = rng.next()
        self.digest = DigestClient(cnonce: {
            var local = SplitMix64(seed: cnonceSeed ^ UInt64.random(in: 0...UInt64.max))
            return IdentifierFormat.hex(16).generate(using: &local)
        })
        self.rng = rng
        let host = localHost.contains(":") ? "[\(localHost)]" : localHost
        let transport = account.transport == .udp ? "" : ";transport=\(account.transport.rawValue)"
        self.contact = "<sip:\(UserAgentCore.safeUser(account.user))@\(host):\(localPort)\(transport)>"
        self.viaSentBy = "\(host):\(localPort)"
    }

    // MARK: Events

    /// Starts registering.
    public mutating func start() -> [Action] {
        self.challengeAnswers = 0
        return self.register(expires: self.expires, authorization: nil)
    }

    /// The final response to the last REGISTER.
    public mutating func received(_ response: SIPMessage) -> [Action] {
        guard let status = response.statusCode, status >= 200 else { return [] }
        self.lastStatus = status
        switch self.phase {
        case .unregistering:
            if status == 401 || status == 407, let header = self.credentials(for: response, expires: 0) {
                return [.send(header)]
            }
            self.phase = .stopped
            return [.cancelTimer, .phaseChanged(.stopped)]
        case .registering:
            break
        case .unregistered, .registered, .retrying, .stopped:
            return []
        }
        switch status {
        case 200..<300:
            let granted = self.grantedExpiry(response)
            self.grantedExpires = granted
            self.failures = 0
            self.challengeAnswers = 0
            self.phase = .registered
            let refresh = max(1, granted - min(granted / 2, 30))
            return [.phaseChanged(.registered), .startTimer(after: .seconds(refresh))]
        case 401, 407:
            if let request = self.credentials(for: response, expires: self.expires) { return [.send(request)] }
            return self.failed()
        case 423:
            guard let minimum = response.minExpires, Int(minimum) > self.expires, minimum <= 86_400 else {
                return self.failed()
            }
            self.expires = Int(minimum)
            return self.register(expires: self.expires, authorization: nil)
        default:
            return self.failed()
        }
    }

    /// The REGISTER's client transaction timed out or its transport failed.
    public mutating func transactionFailed() -> [Action] {
        switch self.phase {
        case .registering: return self.failed()
        case .unregistering:
            self.phase = .stopped
            return [.phaseChanged(.stopped)]
        case .unregistered, .registered, .retrying, .stopped: return []
        }
    }

    /// The refresh or retry timer fired.
    public mutating func timerFired() -> [Action] {
        switch self.phase {
        case .registered, .retrying:
            self.challengeAnswers = 0
            return self.register(expires: self.expires, authorization: nil)
        case .unregistered, .registering, .unregistering, .stopped:
            return []
        }
    }

    /// Graceful shutdown: un-REGISTER (Expires: 0) when registered.
    public mutating func stop() -> [Action] {
        switch self.phase {
        case .registered, .registering:
            self.phase = .unregistering
            self.challengeAnswers = 0
            return [.cancelTimer, .phaseChanged(.unregistering), .send(self.build(expires: 0, authorization: nil))]
        case .unregistered, .retrying, .unregistering, .stopped:
            self.phase = .stopped
            return [.cancelTimer, .phaseChanged(.stopped)]
        }
    }

    // MARK: Helpers

    private mutating func failed() -> [Action] {
        self.failures += 1
        self.phase = .retrying
        let delay = min(1_800, 30 << min(self.failures - 1, 6))
        return [.phaseChanged(.retrying), .startTimer(after: .seconds(delay))]
    }

    private mutating func register(expires: Int, authorization: SIPMessageBuilder.Header?) -> [Action] {
        let changed = self.phase != .registering
        self.phase = .registering
        var actions: [Action] = changed ? [.phaseChanged(.registering)] : []
        actions.append(.send(self.build(expires: expires, authorization: authorization)))
        return actions
    }

    /// Answers a challenge, at most twice in a row (a wrong password must not loop), and again after a stale nonce.
    private mutating func credentials(for response: SIPMessage, expires: Int) -> SIPMessageBuilder? {
        let kind: DigestChallenge.Kind = response.statusCode == 407 ? .proxy : .www
        let headers = kind == .proxy ? response.proxyAuthenticate : response.wwwAuthenticate
        guard let first = headers.first, let challenge = try? DigestChallenge(first, kind: kind) else { return nil }
        if challenge.stale { self.challengeAnswers = 0 }
        guard self.challengeAnswers < 2 else { return nil }
        self.challengeAnswers += 1
        let uri = "sip:\(self.account.domain)"
        guard
            let credentials = try? self.digest.credentials(
                for: challenge,
                username: self.account.authUsername,
                password: self.account.password,
                method: .register,
                uri: uri
            )
        else { return nil }
        return self.build(expires: expires, authorization: credentials.header(for: kind))
    }

    private func grantedExpiry(_ response: SIPMessage) -> Int {
        let ours = response.contacts.first { $0.uriText.contains("@") && self.contact.contains($0.uriText) }
        if let value = ours?.expires { return Int(value) }
        if let value = response.expires { return Int(value) }
        return self.expires
    }

    private mutating func build(expires: Int, authorization: SIPMessageBuilder.Header?) -> SIPMessageBuilder {
        let persona = self.account.persona
        self.cseq &+= 1
        let branch = persona.makeBranch(using: &self.rng)
        var headers: [SIPMessageBuilder.Header] = [
            .init("Via", "SIP/2.0/\(self.account.transport.viaToken) \(self.viaSentBy);branch=\(branch);rport"),
            .init("Max-Forwards", String(persona.maxForwards)),
            .init("From", "<\(self.account.aor)>;tag=\(self.fromTag)"),
            .init("To", "<\(self.account.aor)>"),
            .init("Call-ID", self.callID),
            .init("CSeq", "\(self.cseq) REGISTER"),
            .init("Contact", persona.registerExpiresInContact ? "\(self.contact);expires=\(expires)" : self.contact),
        ]
        if let authorization { headers.append(authorization) }
        headers.append(.init("User-Agent", persona.userAgent))
        if !persona.registerExpiresInContact { headers.append(.init("Expires", String(expires))) }
        headers.append(.init("Allow", persona.allow))
        return persona.compose(
            .request(method: .register, uri: "sip:\(self.account.domain)"),
            headers: headers,
            shape: .request
        )
    }
}
