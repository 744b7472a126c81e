import Agent
import Foundation
public import Inference
public import Recon

/// Everything an investigation and a verdict need, built from ``InvestigationSettings``: the investigator
/// (with the sources the settings allow), the evidence mapper, the verdict engine and the alert threshold.
/// Call ``shutdown()`` when done (it stops the prober's threads and flushes the history).
public struct AnalysisToolkit: Sendable {
    public let settings: InvestigationSettings
    public let investigator: Investigator
    public let mapper: ObservationMapper
    public let engine: VerdictEngine
    public let history: HistoryStore
    let prober: SIPProber?
    var rdap: RDAPClient? { self.investigator.configuration.rdap }

    /// Builds the toolkit. `ours` are the honeypot's URIs; `defaultHistoryFile` is used when the settings name
    /// none; `environmentDNSServer` is the environment's `dns-server`, used when the settings name none.
    public static func make(
        settings: InvestigationSettings,
        ours: OurURIs,
        defaultHistoryFile: String? = nil,
        environmentDNSServer: String? = nil,
        clock: ReconClock = .system
    ) async throws(AnalysisError) -> AnalysisToolkit {
        let engine = try Self.engine(modelPath: settings.modelPath)
        var dns: DNSClient?
        var whois: WHOISClient?
        var rdap: RDAPClient?
        if settings.probing != .off {
            if let server = settings.rdapServer {
                rdap = RDAPClient(configuration: RDAPClientConfiguration(baseURL: server), clock: clock)
            }
            if let server = settings.dnsServer ?? environmentDNSServer {
                dns = try await Self.dnsClient(server, clock: clock)
            }
            if let server = settings.whoisServer {
                whois = try Self.whoisClient(server, dns: dns, forbidden: settings.forbiddenNetworks, clock: clock)
            }
        }
        var geo: MMDBDatabase?
        if let path = settings.geoDatabase { geo = try await Self.database(path, clock: clock) }
        var asn: MMDBDatabase?
        if let path = settings.asnDatabase { asn = try await Self.database(path, clock: clock) }
        var prober: SIPProber?
        if settings.probing == .on {
            let scope = ScopePolicy(allowed: settings.allowedNetworks, forbidden: settings.forbiddenNetworks)
            prober = SIPProber(probeGuard: ProbeGuard(scope: scope, clock: clock), clock: clock)
        }
        let historyPath = settings.historyFile ?? defaultHistoryFile
        let history = HistoryStore(
            cache: HistoryCache(maximumAge: settings.historyMaximumAge),
            persistence: historyPath.map { HistoryFile(path: $0) },
            clock: clock
        )
        if let failure = await history.load() {
            throw .invalidSettings("history-file: \(failure)")
        }
        let configuration = InvestigatorConfiguration(
            dns: dns,
            whois: whois,
            rdap: rdap,
            geoDatabase: geo,
            asnDatabase: asn,
            asnOverDNS: settings.asnOverDNS,
            prober: prober,
            history: history,
            deadline: settings.deadline
        )
        return AnalysisToolkit(
            settings: settings,
            investigator: Investigator(configuration: configuration, clock: clock),
            mapper: ObservationMapper(ours: ours, tables: settings.trust),
            engine: engine,
            history: history,
            prober: prober
        )
    }

    /// Reads the settings file at `path` (`nil`: the defaults).
    public static func settings(path: String?) throws(AnalysisError) -> InvestigationSettings {
        guard let path else { return InvestigationSettings() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path, error)
        }
        do {
            return try InvestigationSettings(text: text, fileName: path)
        } catch {
            throw .invalidSettings(error.description)
        }
    }

    /// The engine for the model at `path` (`nil`: the built-in model).
    public static func engine(modelPath path: String?) throws(AnalysisError) -> VerdictEngine {
        let model = try Self.model(path: path)
        do {
            return try VerdictEngine(model: model)
        } catch {
            throw .invalidSettings("\(path ?? "default model"): \(error)")
        }
    }

    /// The model at `path` (`nil`: the built-in model).
    public static func model(path: String?) throws(AnalysisError) -> InferenceModel {
        guard let path else { return .default }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path, error)
        }
        do {
            return try ModelParser.parse(text)
        } catch {
            throw .invalidSettings("\(path):\(error.line):\(error.column): \(error.message)")
        }
    }

    /// Stops the prober and the RDAP client, and writes the history.
    public func shutdown() async {
        await self.history.flush()
        await self.prober?.shutdown()
        await self.rdap?.shutdown()
    }

    static func dnsClient(_ server: String, clock: ReconClock) async throws(AnalysisError) -> DNSClient {
        if server == "system" { return await DNSClient.system(clock: clock) }
        guard let (address, port) = Self.addressAndPort(server, defaultPort: 53) else {
            throw .invalidSettings("dns-server: '\(server.prefix(80))' must be ADDRESS[:PORT] or system")
        }
        return DNSClient(
            configuration: DNSClientConfiguration(servers: [.init(address: address, port: port)]),
            clock: clock
        )
    }

    static func whoisClient(
        _ server: String,
        dns: DNSClient?,
        forbidden: [CIDRNetwork],
        clock: ReconClock
    )
        throws(AnalysisError) -> WHOISClient
    {
        let (host, port) = Self.hostAndPort(server, defaultPort: 43)
        guard !host.isEmpty, WHOISClient.isValidQuery(host) else {
            throw .invalidSettings("whois-server: '\(server.prefix(80))' must be HOST[:PORT]")
        }
        return WHOISClient(
            configuration: WHOISClientConfiguration(initialServer: host, port: port),
            resolve: { name in
                if let literal = IPAddress(name) { return [literal] }
                guard let dns, let validated = try? DNSName(validating: name) else { return [] }
                return await dns.addresses(of: validated).value ?? []
            },
            isAllowed: { address, _ in !forbidden.contains { $0.contains(address) } },
            clock: clock
        )
    }

    static func database(_ path: String, clock: ReconClock) async throws(AnalysisError) -> MMDBDatabase {
        do {
            return try await MMDBDatabase.open(path: path, clock: clock)
        } catch {
            throw .invalidSettings("\(path): not a usable MaxMind database: \(error)")
        }
    }

    /// `1.2.3.4`, `1.2.3.4:53`, `::1`, `[::1]:53`.
    static func addressAndPort(_ text: String, defaultPort: Int) -> (IPAddress, Int)? {
        let (host, port) = Self.hostAndPort(text, defaultPort: defaultPort)
        guard let address = IPAddress(host), (1...65_535).contains(port) else { return nil }
        return (address, port)
    }

    static func hostAndPort(_ text: String, defaultPort: Int) -> (String, Int) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":"), let port = Int(rest.dropFirst()) { return (host, port) }
            return (host, defaultPort)
        }
        let colons = text.filter { $0 == ":" }.count
        if colons == 1, let colon = text.firstIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) {
            return (String(text[..<colon]), port)
        }
        return (text, defaultPort)
    }
}
