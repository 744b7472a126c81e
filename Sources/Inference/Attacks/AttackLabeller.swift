/// Labels the attack type of each source from the requests it sends (paper §II): scanning, extension
/// enumeration, password guessing, flooding, SPIT, toll fraud and malformed/fuzzing traffic.
///
/// A pure value: time comes in with each request (``RequestSummary/time``) and each query; nothing reads a
/// clock. Memory is bounded by ``Configuration/maximumSources`` × ``Configuration/maximumEventsPerSource``
/// small fixed-size records plus one rate ring per source: wire strings are hashed (or classified) on
/// arrival and never stored.
public struct AttackLabeller: Sendable {
    /// The thresholds and bounds in use.
    public let configuration: Configuration

    /// The sources being tracked, by source key (at most ``Configuration/maximumSources``).
    var sources: [String: Source] = [:]
    /// The request rate over every source, for the distributed-flood label.
    var total: RateCounter
    private var nextSequence: UInt64 = 0

    /// Identifies one observed request so that its response can be recorded later.
    public struct Ticket: Sendable, Hashable {
        /// The source key the request was filed under.
        public var source: String
        /// The request's sequence number within the labeller.
        public var sequence: UInt64
    }

    /// One remembered request: hashes and flags only.
    struct Event: Sendable {
        /// The labeller-wide sequence number, for matching the response.
        var sequence: UInt64
        /// When the request arrived, in seconds of the caller's clock.
        var time: Double
        /// The request method, classified on arrival.
        var method: RequestSummary.Method
        /// A hash of the Request-URI (0 when absent).
        var target: Int
        /// A hash of the To user (0 when absent).
        var user: Int
        /// A hash of the Authorization username (0 when absent).
        var authUser: Int
        /// Whether the request carried credentials.
        var hasAuthorization: Bool
        /// Whether the request carried an SDP body (media).
        var hasSDP: Bool
        /// Whether the parser found errors in the request.
        var hasErrors: Bool
        /// Whether the callee is an external, international or premium number.
        var external: Bool
        /// The final response status sent, 0 until known.
        var response: Int
    }

    /// What is kept per source.
    struct Source: Sendable {
        /// The remembered events; the live ones start at ``head``.
        var events: [Event] = []
        /// The index of the oldest live event; the dropped ones before it are removed once they outnumber the cap.
        var head = 0
        /// When the source last sent a request, for eviction.
        var lastSeen: Double = 0
        /// The source's request rate.
        var rate: RateCounter

        /// The remembered events, oldest first.
        var live: ArraySlice<Event> {
            self.events[self.head...]
        }
    }

    /// Longest source key kept, in UTF-8 bytes (an IPv6 text address is at most 45).
    static let maximumSourceLength = 64

    /// An empty labeller.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.total = RateCounter(seconds: configuration.rateWindow)
    }

    /// The number of sources currently tracked.
    public var trackedSources: Int {
        self.sources.count
    }

    /// Records a request; returns the ticket for ``recordResponse(_:for:)``.
    @discardableResult
    public mutating func observe(_ request: RequestSummary) -> Ticket {
        let key = Self.key(request.source)
        let time = Self.seconds(request.time)
        let second = Int64(time.rounded(.down))
        self.nextSequence += 1
        let user = request.requestURIUser ?? request.toUser
        let event = Event(
            sequence: self.nextSequence,
            time: time,
            method: request.method,
            target: Self.hash(request.target),
            user: Self.hash(user),
            authUser: Self.hash(request.authUsername),
            hasAuthorization: request.hasAuthorization,
            hasSDP: request.hasSDP,
            hasErrors: request.errorAnomalies > 0,
            external: request.method == .invite
                && (self.looksExternal(request.requestURIUser) || self.looksExternal(request.toUser)),
            response: request.responseCode ?? 0
        )
        if self.sources[key] == nil, self.sources.count >= self.configuration.maximumSources {
            self.evictOldest()
        }
        var source =
            self.sources.removeValue(forKey: key) ?? Source(rate: RateCounter(seconds: self.configuration.rateWindow))
        source.events.append(event)
        let cap = max(1, self.configuration.maximumEventsPerSource)
        if source.events.count - source.head > cap {
            source.head += 1
        }
        if source.head > cap {
            source.events.removeFirst(source.head)
            source.head = 0
        }
        source.lastSeen = max(source.lastSeen, time)
        source.rate.add(at: second)
        self.sources[key] = source
        self.total.add(at: second)
        return Ticket(source: key, sequence: self.nextSequence)
    }

    /// Records the final response code of a request observed earlier; ignored when it was forgotten.
    public mutating func recordResponse(_ code: Int, for ticket: Ticket) {
        guard var source = self.sources.removeValue(forKey: ticket.source) else {
            return
        }
        if let index = source.live.lastIndex(where: { $0.sequence == ticket.sequence }) {
            source.events[index].response = code
        }
        self.sources[ticket.source] = source
    }

    /// Whether a user part looks like an external, international or premium number.
    public func looksExternal(_ user: String?) -> Bool {
        guard let user, !user.isEmpty, user.utf8.count <= 64 else {
            return false
        }
        var digits = Substring(user)
        let plus = digits.first == "+"
        if plus {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return false
        }
        if plus || digits.hasPrefix("00") || digits.hasPrefix("011")
            || digits.count >= self.configuration.longNumberDigits
        {
            return true
        }
        return self.configuration.premiumPrefixes.contains { !$0.isEmpty && digits.hasPrefix($0) }
    }

    /// All sources' requests per second over the rate window ending at `second`.
    func totalRate(at second: Int64) -> Double {
        self.total.rate(at: second)
    }

    /// Drops the least recently seen eighth of the sources (at least one): amortised O(log n) per new source.
    private mutating func evictOldest() {
        let count = max(1, self.sources.count / 8)
        let victims = self.sources.map { ($0.key, $0.value.lastSeen) }.sorted { $0.1 < $1.1 }.prefix(count)
        for (key, _) in victims {
            self.sources.removeValue(forKey: key)
        }
    }

    /// The source key: the source text cut to ``maximumSourceLength`` bytes.
    static func key(_ source: String) -> String {
        source.utf8.count <= Self.maximumSourceLength
            ? source : String(decoding: source.utf8.prefix(Self.maximumSourceLength), as: UTF8.self)
    }

    /// A non-zero hash of a wire string, 0 for a missing or empty one (strings are never stored).
    static func hash(_ value: String?) -> Int {
        guard let value, !value.isEmpty else {
            return 0
        }
        var hasher = Hasher()
        hasher.combine(value)
        return hasher.finalize() | 1
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
