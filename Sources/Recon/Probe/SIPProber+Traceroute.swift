import SIPCore
import Synchronization

extension SIPProber {
    /// IP hop count: OPTIONS over UDP with TTL 1, 2, … (at most ``ProbeConfiguration/maximumTTL``, one
    /// wait of ``ProbeConfiguration/perHopTimeout`` each, all within ``ProbeConfiguration/traceDeadline``).
    /// ICMP time-exceeded names a router; the hop count is the TTL at which the target itself answers (a
    /// SIP response or ICMP port unreachable from the target). Loopback and same-link hosts are 1 hop.
    /// Cached per host and port for ``ProbeConfiguration/hopCacheLifetime``.
    public func hopCountByTTL(to address: IPAddress, port: Int) async -> Lookup<HopCount> {
        let key = "ttl|\(address)|\(port)"
        if let cached = self.cachedHopCount(key, address, port) { return cached }
        let started = self.clock.now()
        let monotonic = ContinuousClock()
        let deadline = monotonic.now.advanced(by: self.configuration.traceDeadline)
        var path: [String] = []
        for ttl in 1...self.configuration.maximumTTL {
            let remaining = monotonic.now.duration(to: deadline)
            guard remaining > .zero else { break }
            if let denial = await self.probeGuard.authorize(address, waitingAtMost: self.configuration.rateLimitWait) {
                return Lookup(.unknown(denial), provenance: self.provenance("traceroute-ttl", address, port, started))
            }
            let result = await self.udpExchange(
                address: address,
                port: port,
                hopLimit: ttl,
                maxForwards: 70,
                timeout: min(remaining, self.configuration.perHopTimeout)
            )
            switch result {
            case .response:
                return self.storeHopCount(
                    key,
                    .ipTTL,
                    ttl,
                    path + [address.description],
                    "sip-response",
                    started,
                    address,
                    port
                )
            case .icmp(.portUnreachable, let offender) where offender == nil || offender == address:
                return self.storeHopCount(
                    key,
                    .ipTTL,
                    ttl,
                    path + [address.description],
                    "icmp-port-unreachable",
                    started,
                    address,
                    port
                )
            case .icmp(_, let offender):
                path.append(offender?.description ?? "*")
            case .timeout:
                path.append("*")
            case .failure(let detail):
                return Lookup(
                    .unknown(.io(detail)),
                    provenance: self.provenance("traceroute-ttl", address, port, started)
                )
            }
        }
        let reason = UnknownReason.timeout("target not reached within \(path.count) hops")
        return Lookup(.unknown(reason), provenance: self.provenance("traceroute-ttl", address, port, started))
    }

    /// SIP-layer traceroute: OPTIONS over UDP with Max-Forwards 0, 1, 2, … (at most
    /// ``ProbeConfiguration/maximumMaxForwards``); each `483 Too Many Hops` is a proxy, the first other
    /// answer is the target. The count is the number of 483 answers. Cached like ``hopCountByTTL(to:port:)``.
    ///
    /// With `via`, the requests go to that next hop (a proxy on the SIP route, e.g. the message's last
    /// Record-Route or top Via) and their Request-URI names the target, so every proxy between counts.
    /// `via` must pass the scope policy like the target.
    public func hopCountByMaxForwards(
        to address: IPAddress,
        port: Int,
        via: (address: IPAddress, port: Int)? = nil
    ) async -> Lookup<HopCount> {
        let key = "mf|\(address)|\(port)|" + (via.map { "\($0.address):\($0.port)" } ?? "direct")
        if let cached = self.cachedHopCount(key, address, port) { return cached }
        let started = self.clock.now()
        let monotonic = ContinuousClock()
        let deadline = monotonic.now.advanced(by: self.configuration.traceDeadline)
        var path: [String] = []
        for maxForwards in 0...self.configuration.maximumMaxForwards {
            let remaining = monotonic.now.duration(to: deadline)
            guard remaining > .zero else { break }
            // The packet goes to `via` when given: the token is taken there; the target must be in scope too.
            if via != nil, let denial = self.probeGuard.scopeDenial(for: address) {
                return Lookup(.unknown(denial), provenance: self.provenance("traceroute-sip", address, port, started))
            }
            if let denial = await self.probeGuard.authorize(
                via?.address ?? address,
                waitingAtMost: self.configuration.rateLimitWait
            ) {
                return Lookup(.unknown(denial), provenance: self.provenance("traceroute-sip", address, port, started))
            }
            let result = await self.udpExchange(
                address: via?.address ?? address,
                port: via?.port ?? port,
                hopLimit: nil,
                maxForwards: maxForwards,
                requestTarget: via == nil ? nil : (address, port),
                timeout: min(remaining, self.configuration.answerTimeout)
            )
            switch result {
            case .response(let response) where response.statusCode == 483:
                let proxy = response.message.server ?? response.message.userAgent ?? "483"
                path.append(String(proxy.prefix(64)))
            case .response(let response):
                path.append("\(response.statusCode)")
                return self.storeHopCount(
                    key,
                    .sipMaxForwards,
                    maxForwards,
                    path,
                    "sip-\(response.statusCode)",
                    started,
                    address,
                    port
                )
            case .icmp(let kind, _):
                let reason = UnknownReason.refused("ICMP \(kind) at Max-Forwards \(maxForwards)")
                return Lookup(.unknown(reason), provenance: self.provenance("traceroute-sip", address, port, started))
            case .timeout:
                let reason = UnknownReason.timeout("no SIP answer at Max-Forwards \(maxForwards)")
                return Lookup(.unknown(reason), provenance: self.provenance("traceroute-sip", address, port, started))
            case .failure(let detail):
                return Lookup(
                    .unknown(.io(detail)),
                    provenance: self.provenance("traceroute-sip", address, port, started)
                )
            }
        }
        let reason = UnknownReason.limit("only 483 answers up to Max-Forwards \(self.configuration.maximumMaxForwards)")
        return Lookup(.unknown(reason), provenance: self.provenance("traceroute-sip", address, port, started))
    }

    private func cachedHopCount(_ key: String, _ address: IPAddress, _ port: Int) -> Lookup<HopCount>? {
        let now = self.clock.now()
        guard let hit = self.hopCache.withLock({ $0.lookup(key, now: now) }) else { return nil }
        var provenance = self.provenance(
            hit.value.method == .ipTTL ? "traceroute-ttl" : "traceroute-sip",
            address,
            port,
            now
        )
        provenance.fromCache = true
        provenance.duration = .zero
        return Lookup(.known(hit.value), provenance: provenance)
    }

    private func storeHopCount(
        _ key: String,
        _ method: HopCount.Method,
        _ hops: Int,
        _ path: [String],
        _ reachedBy: String,
        _ started: ReconInstant,
        _ address: IPAddress,
        _ port: Int
    ) -> Lookup<HopCount> {
        let count = HopCount(method: method, hops: hops, path: path, reachedBy: reachedBy, measuredAt: started)
        let lifetime = self.configuration.hopCacheLifetime
        self.hopCache.withLock { $0.insert(count, for: key, timeToLive: lifetime, now: started) }
        let kind = method == .ipTTL ? "traceroute-ttl" : "traceroute-sip"
        return Lookup(.known(count), provenance: self.provenance(kind, address, port, started))
    }
}
