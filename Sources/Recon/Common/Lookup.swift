/// Where a lookup's answer came from.
public struct LookupSource: Hashable, Sendable, CustomStringConvertible {
    /// The kind of source: `dns`, `whois`, `mmdb`, `dns-asn`.
    public var kind: String
    /// The server or file asked (`127.0.0.1:53`, `whois.iana.org:43`, a file path).
    public var server: String

    /// Creates a source description.
    public init(kind: String, server: String) {
        self.kind = kind
        self.server = server
    }

    public var description: String { "\(self.kind)@\(self.server)" }
}

/// When and how a lookup ran: every result carries one.
public struct LookupProvenance: Hashable, Sendable {
    /// The source asked.
    public var source: LookupSource
    /// When the lookup started (from the injected ``ReconClock``).
    public var startedAt: ReconInstant
    /// How long it took (zero for a cache hit).
    public var duration: Duration
    /// Whether the answer came from a cache rather than the network.
    public var fromCache: Bool

    /// Creates a provenance record.
    public init(source: LookupSource, startedAt: ReconInstant, duration: Duration, fromCache: Bool) {
        self.source = source
        self.startedAt = startedAt
        self.duration = duration
        self.fromCache = fromCache
    }
}

/// Why a lookup produced no answer. A stable, kebab-case code plus a detail text.
public struct UnknownReason: Hashable, Sendable, CustomStringConvertible {
    /// A stable code: `timeout`, `nxdomain`, `no-data`, `server-failure`, `refused`, `malformed`,
    /// `invalid-input`, `out-of-scope`, `unsupported`, `not-found`, `io`, `limit`.
    public var code: String
    /// A readable explanation (never raw attacker bytes; those are escaped and truncated).
    public var detail: String

    /// Creates a reason.
    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(self.code): \(self.detail)" }

    /// The lookup did not finish before its deadline.
    public static func timeout(_ detail: String) -> Self { .init(code: "timeout", detail: detail) }
    /// The name does not exist.
    public static func nxdomain(_ detail: String) -> Self { .init(code: "nxdomain", detail: detail) }
    /// The name exists but has no records of the type asked.
    public static func noData(_ detail: String) -> Self { .init(code: "no-data", detail: detail) }
    /// The input (a host name, number or query) was rejected before anything was sent.
    public static func invalidInput(_ detail: String) -> Self { .init(code: "invalid-input", detail: detail) }
    /// The answer could not be decoded.
    public static func malformed(_ detail: String) -> Self { .init(code: "malformed", detail: detail) }
    /// The target may not be contacted under the configured scope.
    public static func outOfScope(_ detail: String) -> Self { .init(code: "out-of-scope", detail: detail) }
    /// The answer uses a form Recon does not support.
    public static func unsupported(_ detail: String) -> Self { .init(code: "unsupported", detail: detail) }
    /// The source holds nothing for the key.
    public static func notFound(_ detail: String) -> Self { .init(code: "not-found", detail: detail) }
    /// A socket or file error.
    public static func io(_ detail: String) -> Self { .init(code: "io", detail: detail) }
    /// A configured limit was hit.
    public static func limit(_ detail: String) -> Self { .init(code: "limit", detail: detail) }
    /// The server answered with an error code (SERVFAIL, REFUSED, ...).
    public static func serverError(_ detail: String) -> Self { .init(code: "server-failure", detail: detail) }
}

/// The outcome of one lookup: a value or a recorded reason, with its provenance. Never thrown.
public struct Lookup<Value: Sendable>: Sendable {
    /// The answer, or why there is none.
    public enum Outcome: Sendable {
        /// The lookup found this value.
        case known(Value)
        /// The lookup failed or found nothing; the reason is evidence too.
        case unknown(UnknownReason)
    }

    /// The answer, or why there is none.
    public var outcome: Outcome
    /// Where and when it was found.
    public var provenance: LookupProvenance

    /// Creates a lookup result.
    public init(_ outcome: Outcome, provenance: LookupProvenance) {
        self.outcome = outcome
        self.provenance = provenance
    }

    /// The value when known, else `nil`.
    public var value: Value? {
        switch self.outcome {
        case .known(let value): return value
        case .unknown: return nil
        }
    }

    /// The reason when unknown, else `nil`.
    public var unknownReason: UnknownReason? {
        switch self.outcome {
        case .known: return nil
        case .unknown(let reason): return reason
        }
    }

    /// The same provenance with another outcome.
    public func map<Other: Sendable>(_ transform: (Value) -> Lookup<Other>.Outcome) -> Lookup<Other> {
        switch self.outcome {
        case .known(let value): return Lookup<Other>(transform(value), provenance: self.provenance)
        case .unknown(let reason): return Lookup<Other>(.unknown(reason), provenance: self.provenance)
        }
    }
}

extension Lookup.Outcome: Equatable where Value: Equatable {}
extension Lookup: Equatable where Value: Equatable {}
