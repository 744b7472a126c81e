/// The built-in call policy, used until a behaviour profile is loaded: ring for a while, then answer (and hang
/// up after a while) or reject with a status.
///
/// Settings (environment file): `ring-time` (default 3 s), `answer` (yes/no, default yes), `reject-status`
/// (default 486, used when `answer: no`), `hangup-after` (default 30 s; 0 means the caller must hang up).
public struct BuiltInCallPolicy: CallController, Hashable {
    /// The policy's settings.
    public struct Settings: Sendable, Hashable {
        /// How long to ring before answering or rejecting.
        public var ringTime: Duration
        /// Answer (true) or reject (false) when the ring time is over.
        public var answer: Bool
        /// The final status of a rejection.
        public var rejectStatus: Int
        /// How long an answered call lasts before the honeypot hangs up; `nil` to wait for the caller.
        public var hangUpAfter: Duration?

        /// Settings; by default ring 3 s, answer, hang up after 30 s.
        public init(
            ringTime: Duration = .seconds(3),
            answer: Bool = true,
            rejectStatus: Int = 486,
            hangUpAfter: Duration? = .seconds(30)
        ) {
            self.ringTime = ringTime
            self.answer = answer
            self.rejectStatus = rejectStatus
            self.hangUpAfter = hangUpAfter
        }
    }

    private static let ringTimer = "ringtimeout"
    private static let callTimer = "calltimeout"

    /// The settings in use.
    public let settings: Settings

    /// A policy with these settings.
    public init(settings: Settings) {
        self.settings = settings
    }

    public mutating func start(_ call: IncomingCall) -> [CallCommand] {
        [.ring, .startTimer(Self.ringTimer, after: self.settings.ringTime)]
    }

    public mutating func handle(_ event: CallEvent) -> [CallCommand] {
        switch event {
        case .timer(Self.ringTimer):
            return self.settings.answer ? [.answer] : [.reject(status: self.settings.rejectStatus, reason: nil)]
        case .timer(Self.callTimer):
            return [.hangUp]
        case .timer:
            return []
        case .established:
            guard let after = self.settings.hangUpAfter else { return [] }
            return [.startTimer(Self.callTimer, after: after)]
        case .cancelled, .remoteHangUp, .ackTimeout:
            return [.cancelTimer(Self.ringTimer), .cancelTimer(Self.callTimer)]
        case .reinvited, .dtmf, .request:
            return []
        }
    }
}
