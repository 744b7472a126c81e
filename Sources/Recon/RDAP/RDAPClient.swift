public import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import NIOHTTP1

/// How the ``RDAPClient`` asks (RFC 9082 queries over HTTP or HTTPS, RFC 7480).
public struct RDAPClientConfiguration: Sendable {
    /// The base URL queries are appended to, e.g. `https://rdap.org` (a bootstrap redirector) or a
    /// registry's RDAP service. No default: RDAP is used only when the administrator names a server.
    public var baseURL: String
    /// Time allowed for one lookup with its redirects. Default 8 s.
    public var timeout: Duration
    /// Most bytes read from one answer; a longer answer is an `unknown` (`limit`). Default 256 KiB.
    public var maximumResponseBytes: Int
    /// Most redirects followed (bootstrap servers answer with one). Default 3.
    public var maximumRedirects: Int

    /// Creates a configuration; every parameter but the base URL has the default documented on its property.
    public init(
        baseURL: String,
        timeout: Duration = .seconds(8),
        maximumResponseBytes: Int = 262_144,
        maximumRedirects: Int = 3
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.timeout = timeout
        self.maximumResponseBytes = max(1024, maximumResponseBytes)
        self.maximumRedirects = max(0, min(10, maximumRedirects))
    }
}

/// An RDAP client (RFC 9082/9083): the registration data of an IP address, an AS number or a domain, as
/// an alternative to WHOIS. The answer is mapped onto ``WHOISRecord`` (the servers list holds the URL that
/// answered, after redirects), so the investigation and its trust tables treat both sources alike.
///
/// Queries are built only from validated values (an ``IPAddress``, a number, a validated DNS name), never
/// from raw attacker text. Call ``shutdown()`` when done.
public final class RDAPClient: Sendable {
    /// The configuration in force.
    public let configuration: RDAPClientConfiguration
    let http: HTTPClient
    let clock: ReconClock

    /// Creates a client with its own HTTP client (redirects limited, no cycles, no decompression).
    public init(configuration: RDAPClientConfiguration, clock: ReconClock = .system) {
        self.configuration = configuration
        self.clock = clock
        var http = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: configuration.maximumRedirects, allowCycles: false),
            timeout: .init(connect: .seconds(3), read: configuration.timeout.timeAmount)
        )
        http.connectionPool.idleTimeout = .seconds(30)
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    /// Shuts the HTTP client down.
    public func shutdown() async {
        try? await self.http.shutdown()
    }

    /// The RDAP path of a query: `ip/ADDRESS`, `autnum/N` (for `ASN` or `N`), `domain/NAME`; `nil` when the
    /// query is none of these.
    public static func path(for query: String) -> String? {
        if let address = IPAddress(query) { return "ip/" + address.description }
        var digits = Substring(query)
        if digits.lowercased().hasPrefix("as") { digits = digits.dropFirst(2) }
        if !digits.isEmpty, digits.count <= 10, let number = UInt32(digits) { return "autnum/\(number)" }
        guard let name = try? DNSName(validating: query), !name.labels.isEmpty else { return nil }
        return "domain/" + name.description.lowercased()
    }

    /// Looks up `query` (an address, an AS number or a domain).
    public func lookup(_ query: String) async -> Lookup<WHOISRecord> {
        let started = self.clock.now()
        let monotonic = ContinuousClock()
        let begin = monotonic.now
        let server = self.configuration.baseURL
        func finish(_ outcome: Lookup<WHOISRecord>.Outcome, _ source: String) -> Lookup<WHOISRecord> {
            Lookup(
                outcome,
                provenance: LookupProvenance(
                    source: LookupSource(kind: "rdap", server: source),
                    startedAt: started,
                    duration: begin.duration(to: monotonic.now),
                    fromCache: false
                )
            )
        }
        guard let path = Self.path(for: query) else {
            return finish(.unknown(.invalidInput("not an address, AS number or domain")), server)
        }
        var request = HTTPClientRequest(url: server + "/" + path)
        request.headers.add(name: "Accept", value: "application/rdap+json, application/json")
        request.headers.add(name: "User-Agent", value: "Honeyphone-Recon/1")
        do {
            let response = try await self.http.execute(request, timeout: self.configuration.timeout.timeAmount)
            let answered = response.url.map { Self.authority(of: $0.absoluteString) } ?? Self.authority(of: server)
            guard response.status == .ok else {
                let reason: UnknownReason =
                    response.status == .notFound
                    ? .notFound("RDAP \(response.status.code)") : .serverError("RDAP HTTP \(response.status.code)")
                return finish(.unknown(reason), answered)
            }
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: self.configuration.maximumResponseBytes)
            } catch {
                return finish(
                    .unknown(.limit("RDAP answer over \(self.configuration.maximumResponseBytes) bytes")),
                    answered
                )
            }
            guard let fields = RDAPResponse.parse(Array(body.readableBytesView)) else {
                return finish(.unknown(.malformed("not an RDAP object")), answered)
            }
            let record = WHOISRecord(servers: [answered], response: fields)
            return finish(.known(record), answered)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            return finish(.unknown(.timeout("RDAP: \(error)")), server)
        } catch {
            return finish(.unknown(.io("RDAP: \(String(describing: error).prefix(200))")), server)
        }
    }

    /// `host[:port]` of a URL text, for provenance.
    static func authority(of url: String) -> String {
        var rest = Substring(url)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        return String(rest.prefix(128))
    }
}
