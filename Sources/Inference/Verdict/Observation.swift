/// What is known about one request when its verdict is computed (paper §VII-B/C). Every field is optional:
/// `nil` means unknown and sends λ = (1, …, 1), no evidence.
public struct Observation: Sendable, Hashable {
    /// Whether the To URI is one the honeypot is registered with; `nil` when not checked.
    public var toIsOurs: Bool?

    /// The IP hop counts of points A–E (first Via, Contact, SDP `c=`, SDP `o=`, the From URI's location);
    /// `nil` for a point that could not be traced. The dispersion needs at least two.
    public var hopCounts: [Int?]

    /// The investigated hosts in list order (the source and the proxies); each updates the trust chain.
    public var hosts: [HostObservation]

    /// The request's parser anomalies; `nil` when not available.
    public var anomalies: AnomalySummary?

    /// Whether the top Via's sent-by address is the address the request came from (RFC 3261 §18.2.1); `nil`
    /// when not compared (a name, a private address behind NAT, no Via, or the source unknown).
    public var sentByIsSource: Bool?

    /// Whether the attack labeller labels the request's source with any attack type at the request's time; `nil`
    /// when no labeller ran.
    public var sourceIsAttacking: Bool?

    /// Creates an observation; everything defaults to unknown.
    public init(
        toIsOurs: Bool? = nil,
        hopCounts: [Int?] = [],
        hosts: [HostObservation] = [],
        anomalies: AnomalySummary? = nil,
        sentByIsSource: Bool? = nil,
        sourceIsAttacking: Bool? = nil
    ) {
        self.toIsOurs = toIsOurs
        self.hopCounts = hopCounts
        self.hosts = hosts
        self.anomalies = anomalies
        self.sentByIsSource = sentByIsSource
        self.sourceIsAttacking = sourceIsAttacking
    }

    /// The dispersion of source points, σ = √(E(X²) − E(X)²) over the known hop counts (a population
    /// standard deviation, as the paper writes it); `nil` with fewer than two known points.
    public var dispersion: Double? {
        var count = 0.0
        var sum = 0.0
        var squares = 0.0
        for hops in self.hopCounts {
            guard let hops else {
                continue
            }
            let value = Double(hops)
            count += 1
            sum += value
            squares += value * value
        }
        guard count >= 2 else {
            return nil
        }
        let mean = sum / count
        return max(0, squares / count - mean * mean).squareRoot()
    }
}
