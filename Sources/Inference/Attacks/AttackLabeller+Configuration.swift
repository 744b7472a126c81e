extension AttackLabeller {
    /// The labeller's thresholds and memory bounds, with their defaults.
    public struct Configuration: Sendable, Hashable {
        /// The sliding window over which counts are taken, in seconds. Default 60.
        public var window: Double = 60
        /// The window for request rates, in whole seconds (one counter per second). Default 10.
        public var rateWindow: Int = 10
        /// Sources tracked at most; beyond it the least recently seen eighth is evicted. Default 2048.
        public var maximumSources: Int = 2048
        /// Requests remembered per source (oldest dropped first); this also bounds every per-source
        /// distinct count. Default 256, so at most 2048 × 256 small records (about 30 MB).
        public var maximumEventsPerSource: Int = 256
        /// Distinct targets of OPTIONS/INVITE for scanning. Default 5.
        public var scanningTargets: Int = 5
        /// Distinct users addressed by REGISTER/INVITE/OPTIONS for extension enumeration (INVITEs with media are
        /// calls and count for SPIT instead). Default 10.
        public var enumerationUsers: Int = 10
        /// The share of answered requests refused with 401, 403, 404, 407 or 484 that enumeration requires
        /// when responses are known. Default 0.5.
        public var enumerationRefusedShare: Double = 0.5
        /// Authorised attempts for one username for password guessing. Default 5.
        public var passwordAttemptsPerUser: Int = 5
        /// Requests per second from one source for flooding, averaged over the part of the rate window the
        /// source was active in (at least one second). Default 20.
        public var floodRatePerSource: Double = 20
        /// Requests per second from all sources for a distributed flood. Default 200.
        public var floodRateTotal: Double = 200
        /// Flooding needs the source's requests in the window to repeat themselves: the share of them that are
        /// a sweep (distinct probe targets + distinct users + credentialed attempts, over the requests) must stay
        /// below this, so that fast scanners, enumerators and password guessers are not also called floods.
        /// Default 0.5.
        public var floodMaximumSweepShare: Double = 0.5
        /// The share of the total rate a source must send to be labelled in a distributed flood. Default 0.1.
        public var floodShare: Double = 0.1
        /// Distinct callees of INVITEs with SDP for SPIT. Default 5.
        public var spitCallees: Int = 5
        /// INVITEs to external-looking numbers for toll fraud. Default 1.
        public var tollFraudInvites: Int = 1
        /// Digits from which a number counts as long (external). Default 10.
        public var longNumberDigits: Int = 10
        /// Number prefixes that count as premium or external (besides `+`, `00`, `011`).
        /// Default `["900", "1900", "0900"]`.
        public var premiumPrefixes: [String] = ["900", "1900", "0900"]
        /// The share of requests with error anomalies for malformed/fuzzing. Default 0.3.
        public var malformedShare: Double = 0.3
        /// Requests needed in the window before the malformed share is judged. Default 5.
        public var malformedMinimumRequests: Int = 5

        /// The defaults above.
        public init() {}
    }
}
