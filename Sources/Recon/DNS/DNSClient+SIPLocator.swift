/// A SIP transport as chosen by RFC 3263.
public enum SIPTransportKind: String, Hashable, Sendable {
    /// UDP (`SIP+D2U`, `_sip._udp`).
    case udp
    /// TCP (`SIP+D2T`, `_sip._tcp`).
    case tcp
    /// TLS over TCP (`SIPS+D2T`, `_sips._tcp`).
    case tls
}

/// One place to send a SIP request, found by RFC 3263 server location.
public struct SIPTarget: Hashable, Sendable {
    /// The transport.
    public var transport: SIPTransportKind
    /// The address.
    public var address: IPAddress
    /// The port.
    public var port: Int
    /// The host name the address came from (`nil` for a numeric URI host).
    public var host: DNSName?
    /// How it was found: `numeric`, `naptr`, `srv` or `address`.
    public var method: String

    /// Creates a target.
    public init(transport: SIPTransportKind, address: IPAddress, port: Int, host: DNSName?, method: String) {
        self.transport = transport
        self.address = address
        self.port = port
        self.host = host
        self.method = method
    }
}

extension DNSClient {
    /// Most targets returned by ``locateSIPServer(host:port:secure:)``.
    public static let maximumSIPTargets = 16
    /// Most SRV names followed from NAPTR records.
    static let maximumNAPTRFollowed = 4

    /// RFC 3263 §4 server location for a SIP URI host: a numeric host is itself; with an explicit port,
    /// A/AAAA; else NAPTR → SRV → A/AAAA, or without NAPTR, SRV (`_sips._tcp` for SIPS, else `_sip._udp`,
    /// `_sip._tcp`, `_sips._tcp`) → A/AAAA; without SRV, A/AAAA on 5060 (5061 for SIPS).
    public func locateSIPServer(host: String, port: Int? = nil, secure: Bool = false) async -> Lookup<[SIPTarget]> {
        let started = self.clock.now()
        let defaultTransport: SIPTransportKind = secure ? .tls : .udp
        let defaultPort = secure ? 5061 : 5060
        if let port, !(1...65_535).contains(port) { return self.rejected(.invalidInput("port \(port)")) }
        var literal = Substring(host)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        if let address = IPAddress(literal) {
            let target = SIPTarget(
                transport: defaultTransport,
                address: address,
                port: port ?? defaultPort,
                host: nil,
                method: "numeric"
            )
            return Lookup(.known([target]), provenance: self.locatorProvenance(started, fromCache: true))
        }
        let name: DNSName
        do throws(DNSError) {
            name = try DNSName(validating: host, limits: self.configuration.hostNameLimits)
        } catch {
            return self.rejected(.invalidInput(error.message))
        }
        var allCached = true
        func resolve(_ target: DNSName, port: Int, transport: SIPTransportKind, method: String) async -> [SIPTarget] {
            let addresses = await self.addresses(of: target)
            allCached = allCached && addresses.provenance.fromCache
            return (addresses.value ?? []).map {
                SIPTarget(transport: transport, address: $0, port: port, host: target, method: method)
            }
        }
        if let port {
            let targets = await resolve(name, port: port, transport: defaultTransport, method: "address")
            return self.locatorResult(targets, started: started, fromCache: allCached)
        }
        var services: [(DNSName, SIPTransportKind)] = []
        let naptr = await self.namingAuthorityPointers(name)
        allCached = allCached && naptr.provenance.fromCache
        for record in naptr.value ?? [] where record.flags.lowercased() == "s" {
            guard let transport = Self.transport(forNAPTRService: record.services) else { continue }
            if secure, transport != .tls { continue }
            services.append((record.replacement, transport))
        }
        let viaNAPTR = !services.isEmpty
        if !viaNAPTR {
            let candidates: [SIPServiceName] = secure ? [.sipsTCP] : [.sipUDP, .sipTCP, .sipsTCP]
            services = candidates.map { service in
                let transport: SIPTransportKind = service == .sipUDP ? .udp : service == .sipTCP ? .tcp : .tls
                return (DNSName(labels: service.labels).appending(name), transport)
            }
        }
        var targets: [SIPTarget] = []
        for (serviceName, transport) in services.prefix(Self.maximumNAPTRFollowed) {
            let srv = await self.query(serviceName, type: .srv)
            allCached = allCached && srv.provenance.fromCache
            let records: [SRVRecord] = (srv.value?.records ?? []).compactMap {
                if case .service(let record) = $0.data { return record }
                return nil
            }
            let sorted = records.sorted {
                ($0.priority, UInt16.max - $0.weight) < ($1.priority, UInt16.max - $1.weight)
            }
            for record in sorted where !record.target.labels.isEmpty {
                guard targets.count < Self.maximumSIPTargets else { break }
                targets += await resolve(
                    record.target,
                    port: Int(record.port),
                    transport: transport,
                    method: viaNAPTR ? "naptr" : "srv"
                )
            }
        }
        if targets.isEmpty {
            targets = await resolve(name, port: defaultPort, transport: defaultTransport, method: "address")
        }
        return self.locatorResult(targets, started: started, fromCache: allCached)
    }

    static func transport(forNAPTRService service: String) -> SIPTransportKind? {
        switch service.uppercased() {
        case "SIP+D2U": return .udp
        case "SIP+D2T": return .tcp
        case "SIPS+D2T": return .tls
        default: return nil
        }
    }

    private func locatorProvenance(_ started: ReconInstant, fromCache: Bool) -> LookupProvenance {
        LookupProvenance(
            source: self.sourceDescription,
            startedAt: started,
            duration: started.duration(to: self.clock.now()),
            fromCache: fromCache
        )
    }

    private func locatorResult(_ targets: [SIPTarget], started: ReconInstant, fromCache: Bool) -> Lookup<[SIPTarget]> {
        let provenance = self.locatorProvenance(started, fromCache: fromCache)
        guard !targets.isEmpty else {
            return Lookup(.unknown(.notFound("no SIP server found")), provenance: provenance)
        }
        return Lookup(.known(Array(targets.prefix(Self.maximumSIPTargets))), provenance: provenance)
    }
}
