public import SDP
public import SIPCore
import Synchronization

/// Investigates every host of a received message (paper §VI-B), in parallel with the call.
///
/// For one parsed message: builds the ``InterrogationList`` (adding point E through DNS), then for each
/// host runs the lookups of ``HostFindings`` concurrently, at most
/// ``InvestigatorConfiguration/maximumConcurrentHosts`` hosts at once over all messages, within
/// ``InvestigatorConfiguration/deadline``. Findings are cached per host and concurrent requests for
/// the same host share one run, so a flood from one source costs one investigation. History is
/// recorded for every host of every message. Nothing throws: each field is a ``Lookup``.
public final class Investigator: Sendable {
    /// The configuration in force.
    public let configuration: InvestigatorConfiguration
    let clock: ReconClock
    let limiter: ConcurrencyLimiter
    let cache: Mutex<TTLCache<String, HostFindings>>
    let inFlight = Mutex<[String: Task<HostFindings, Never>]>([:])

    /// Creates an investigator.
    public init(configuration: InvestigatorConfiguration, clock: ReconClock = .system) {
        self.configuration = configuration
        self.clock = clock
        self.limiter = ConcurrencyLimiter(
            maximumRunning: configuration.maximumConcurrentHosts,
            maximumWaiting: configuration.maximumWaitingHosts
        )
        self.cache = Mutex(TTLCache(maximumEntries: configuration.hostCacheEntries))
    }

    /// Investigates `message` (and its SDP, parsed from the body when not given).
    public func investigate(_ message: SIPMessage, sdp: SDPSessionDescription? = nil) async -> InvestigationReport {
        let started = self.clock.now()
        var list = InterrogationList(message: message, sdp: sdp, limits: self.configuration.listLimits)
        var location: Lookup<[SIPTarget]>? = nil
        if let dns = self.configuration.dns {
            (list, location) = await list.locatingFromDomain(with: dns)
        }
        let matches = self.configuration.fingerprints.match(message)
        let passive = Lookup<[FingerprintMatch]>(
            .known(matches),
            provenance: LookupProvenance(
                source: LookupSource(kind: "fingerprint", server: "passive"),
                startedAt: started,
                duration: .zero,
                fromCache: false
            )
        )
        let targets = list.targets
        // The SIP route back to the other hosts starts at the signalling source (the top Via, the hop that
        // sent the message): the Max-Forwards traceroute to every other host goes through it.
        let nextHop: (address: IPAddress, port: Int)? = targets.first { $0.roles.contains(.signalingSource) }
            .flatMap { source in source.address.map { ($0, source.sipPorts.first ?? 5060) } }
        async let numbers = self.numberReports(message)
        let findings: [HostFindings] = await withTaskGroup(of: (Int, HostFindings).self) { group in
            for (index, target) in targets.enumerated() {
                let via = target.roles.contains(.signalingSource) ? nil : nextHop
                group.addTask { (index, await self.findingsWithinDeadline(for: target, via: via)) }
            }
            var results = [HostFindings?](repeating: nil, count: targets.count)
            for await (index, value) in group { results[index] = value }
            return results.map { $0! }
        }
        let originator = message.vias.last.flatMap { InterrogationList.canonicalHost($0.host.text) }
        var hosts: [HostReport] = []
        for (target, found) in zip(targets, findings) {
            let history =
                self.configuration.history?.recordSighting(of: target.host)
                ?? Lookup(.unknown(.notConfigured("no history store")), provenance: self.localProvenance("history"))
            // The message's own shape describes the user agent that wrote it: the Contact host and the host of
            // the bottom Via (the originator). Proxies on the way (the other Vias) are fingerprinted actively.
            let producedMessage = target.roles.contains(.contact) || target.host == originator
            let fingerprint =
                producedMessage
                ? passive : Lookup(.unknown(.notFound("not the message's source")), provenance: passive.provenance)
            hosts.append(HostReport(target: target, findings: found, passiveFingerprint: fingerprint, history: history))
        }
        return await InvestigationReport(
            hosts: hosts,
            fromLocation: location,
            passiveFingerprint: matches,
            numbers: numbers,
            droppedHosts: list.droppedCount,
            rejectedHosts: list.rejectedCount,
            startedAt: started,
            duration: started.duration(to: self.clock.now())
        )
    }

    /// ENUM of the message's global numbers, in parallel, within the deadline (a number's own cache is the
    /// DNS client's).
    func numberReports(_ message: SIPMessage) async -> [NumberReport] {
        let numbers = TelephoneNumber.numbers(in: message, limit: self.configuration.listLimits.maximumNumbers)
        guard !numbers.isEmpty else { return [] }
        guard let dns = self.configuration.dns else {
            return numbers.map { NumberReport(number: $0, enumEntries: self.notConfiguredENUM()) }
        }
        let deadline = self.configuration.deadline
        return await withTaskGroup(of: (Int, Lookup<[ENUMEntry]>).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask {
                    let lookup = await valueWithin(deadline) { await dns.enumLookup(number: number.number) }
                    return (
                        index,
                        lookup
                            ?? Lookup(
                                .unknown(.timeout("investigation deadline \(deadline)")),
                                provenance: self.localProvenance("enum")
                            )
                    )
                }
            }
            var results = numbers.map { NumberReport(number: $0, enumEntries: self.notConfiguredENUM()) }
            for await (index, lookup) in group { results[index].enumEntries = lookup }
            return results
        }
    }

    private func notConfiguredENUM() -> Lookup<[ENUMEntry]> {
        Lookup(.unknown(.notConfigured("no DNS client")), provenance: self.localProvenance("enum"))
    }

    /// The findings for one host: from the cache, from a run already in flight, or from a new run.
    func findingsWithinDeadline(
        for target: InterrogationTarget,
        via: (address: IPAddress, port: Int)? = nil
    ) async -> HostFindings {
        let key =
            "\(target.host)|\(target.sipPorts.first ?? 0)|\(target.rtpPorts.first ?? 0)|"
            + (via.map { "\($0.address):\($0.port)" } ?? "direct")
        let now = self.clock.now()
        if let cached = self.cache.withLock({ $0.lookup(key, now: now) }) {
            return cached.value.markedFromCache(at: now)
        }
        let task: Task<HostFindings, Never> = self.inFlight.withLock { running in
            if let existing = running[key] { return existing }
            let created = Task { await self.runAndCache(target, via: via, key: key) }
            running[key] = created
            return created
        }
        let deadline = self.configuration.deadline
        if let value = await valueWithin(deadline, { await task.value }) { return value }
        return HostFindings.allUnknown(
            .timeout("investigation deadline \(deadline)"),
            provenance: self.localProvenance("investigation")
        )
    }

    private func runAndCache(
        _ target: InterrogationTarget,
        via: (address: IPAddress, port: Int)?,
        key: String
    ) async -> HostFindings {
        let found: HostFindings
        if await self.limiter.acquire() {
            found = await self.lookUp(target, via: via)
            self.limiter.release()
            let now = self.clock.now()
            let lifetime = self.configuration.hostCacheLifetime
            self.cache.withLock { $0.insert(found, for: key, timeToLive: lifetime, now: now) }
        } else {
            found = HostFindings.allUnknown(
                .limit("too many hosts waiting"),
                provenance: self.localProvenance("investigation")
            )
        }
        _ = self.inFlight.withLock { $0.removeValue(forKey: key) }
        return found
    }

    func localProvenance(_ kind: String) -> LookupProvenance {
        LookupProvenance(
            source: LookupSource(kind: kind, server: "local"),
            startedAt: self.clock.now(),
            duration: .zero,
            fromCache: false
        )
    }
}
