extension Investigator {
    /// Runs every lookup for one host: DNS first (a name needs its address), then the rest concurrently.
    /// `via` is the next SIP hop for the Max-Forwards traceroute (`nil`: straight to the host).
    func lookUp(_ target: InterrogationTarget, via: (address: IPAddress, port: Int)? = nil) async -> HostFindings {
        let configuration = self.configuration
        let addresses: Lookup<[IPAddress]>
        if let literal = target.address {
            addresses = Lookup(.known([literal]), provenance: self.localProvenance("literal"))
        } else if let dns = configuration.dns {
            addresses = await dns.addresses(of: (try? DNSName(validating: target.host)) ?? DNSName(labels: []))
        } else {
            addresses = self.notConfigured("dns", "no DNS client")
        }
        let address = addresses.value?.first
        // A name that is only the From domain is a domain, not a host: no probes (paper Table I, "-").
        let isDomainOnly = target.address == nil && target.roles.allSatisfy { $0 == .fromDomain }
        async let reverse = self.reverseDNS(address)
        async let services = self.sipServices(target)
        async let whois = self.whois(address?.description ?? target.host)
        async let asNumber = self.asNumber(address)
        async let geolocation = self.geolocation(address)
        async let sipPort = self.probe(isDomainOnly ? nil : address, port: target.sipPorts.first, "has-port") {
            await $0.sipPortStatus(of: $1, port: $2)
        }
        async let rtpPort = self.probe(isDomainOnly ? nil : address, port: target.rtpPorts.first, "has-port") {
            await $0.rtpPortStatus(of: $1, port: $2)
        }
        async let active = self.probe(isDomainOnly ? nil : address, port: target.sipPorts.first, "fingerprint") {
            await $0.activeFingerprint(of: $1, port: $2, database: configuration.fingerprints)
        }
        async let ttl = self.probe(isDomainOnly ? nil : address, port: target.sipPorts.first ?? 5060, "traceroute-ttl")
        {
            await $0.hopCountByTTL(to: $1, port: $2)
        }
        async let maxForwards = self.probe(isDomainOnly ? nil : address, port: target.sipPorts.first, "traceroute-sip")
        {
            prober,
            host,
            port in
            let route = via.flatMap { hop in hop.address == host ? nil : hop }
            return await prober.hopCountByMaxForwards(to: host, port: port, via: route)
        }
        return await HostFindings(
            addresses: addresses,
            reverseDNS: reverse,
            sipServices: services,
            whois: whois,
            asNumber: asNumber,
            geolocation: geolocation,
            sipPort: sipPort,
            rtpPort: rtpPort,
            activeFingerprint: active,
            hopsByTTL: ttl,
            hopsByMaxForwards: maxForwards
        )
    }

    func notConfigured<V>(_ kind: String, _ detail: String) -> Lookup<V> {
        Lookup(.unknown(.notConfigured(detail)), provenance: self.localProvenance(kind))
    }

    func notApplicable<V>(_ kind: String, _ detail: String) -> Lookup<V> {
        Lookup(.unknown(.notFound(detail)), provenance: self.localProvenance(kind))
    }

    private func reverseDNS(_ address: IPAddress?) async -> Lookup<ForwardConfirmedReverse> {
        guard let dns = self.configuration.dns else { return self.notConfigured("dns", "no DNS client") }
        guard let address else { return self.notApplicable("dns", "no address") }
        return await dns.forwardConfirmedReverse(address)
    }

    private func sipServices(_ target: InterrogationTarget) async -> Lookup<[SRVRecord]> {
        guard let dns = self.configuration.dns else { return self.notConfigured("dns", "no DNS client") }
        guard target.address == nil, let name = try? DNSName(validating: target.host) else {
            return self.notApplicable("dns", "not a name")
        }
        return await dns.serviceRecords(.sipUDP, domain: name)
    }

    /// RDAP first when configured, WHOIS when RDAP has no answer (or is not configured).
    private func whois(_ query: String) async -> Lookup<WHOISRecord> {
        var viaRDAP: Lookup<WHOISRecord>? = nil
        if let rdap = self.configuration.rdap {
            let answer = await rdap.lookup(query)
            if answer.value != nil { return answer }
            viaRDAP = answer
        }
        guard let whois = self.configuration.whois else {
            return viaRDAP ?? self.notConfigured("whois", "no WHOIS or RDAP server")
        }
        return await whois.lookup(query)
    }

    private func asNumber(_ address: IPAddress?) async -> Lookup<UInt32> {
        guard let address else { return self.notApplicable("asn", "no address") }
        if let database = self.configuration.asnDatabase ?? self.configuration.geoDatabase {
            let record = database.lookup(address)
            if let number = record.value?.asNumber { return record.map { _ in .known(number) } }
            if self.configuration.asnDatabase != nil || !self.configuration.asnOverDNS {
                return record.map { _ in .unknown(.notFound("no AS number for \(address)")) }
            }
        }
        if self.configuration.asnOverDNS, let dns = self.configuration.dns {
            return await dns.originASN(of: address).map { origins in
                guard let number = origins.first?.asNumbers.first else { return .unknown(.notFound("no origin AS")) }
                return .known(number)
            }
        }
        return self.notConfigured("asn", "no ASN database")
    }

    private func geolocation(_ address: IPAddress?) async -> Lookup<GeoRecord> {
        guard let database = self.configuration.geoDatabase else {
            return self.notConfigured("mmdb", "no geolocation database")
        }
        guard let address else { return self.notApplicable("mmdb", "no address") }
        return database.lookup(address)
    }

    private func probe<V>(
        _ address: IPAddress?,
        port: Int?,
        _ kind: String,
        _ operation: (SIPProber, IPAddress, Int) async -> Lookup<V>
    ) async -> Lookup<V> {
        guard let prober = self.configuration.prober else { return self.notConfigured(kind, "passive: no prober") }
        guard let address else { return self.notApplicable(kind, "no address") }
        guard let port else { return self.notApplicable(kind, "no claimed port") }
        return await operation(prober, address, port)
    }
}
