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
        let findings: [HostFindings] = await withTaskGroup(of: (Int, HostFindings).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await self.findingsWithinDeadline(for: target)) }
            }
            var results = [HostFindings?](repeating: nil, count: targets.count)
            for await (index, value) in group { results[index] = value }
            return results.map { $0! }
        }
        var hosts: [HostReport] = []
        for (target, found) in zip(targets, findings) {
            let history =
                self.configuration.history?.recordSighting(of: target.host)
                ?? Lookup(.unknown(.notConfigured("no history store")), provenance: self.localProvenance("history"))
            let producedMessage = target.roles.contains(.signalingSource) || target.roles.contains(.contact)
            let fingerprint =
                producedMessage
                ? passive : Lookup(.unknown(.notFound("not the message's source")), provenance: passive.provenance)
            hosts.append(HostReport(target: target, findings: found, passiveFingerprint: fingerprint, history: history))
        }
        return InvestigationReport(
            hosts: hosts,
            fromLocation: location,
            passiveFingerprint: matches,
            droppedHosts: list.droppedCount,
            rejectedHosts: list.rejectedCount,
            startedAt: started,
            duration: started.duration(to: self.clock.now())
        )
    }

    /// The findings for one host: from the cache, from a run already in flight, or from a new run.
    func findingsWithinDeadline(for target: InterrogationTarget) async -> HostFindings {
        let key = "\(target.host)|\(target.sipPorts.first ?? 0)|\(target.rtpPorts.first ?? 0)"
        let now = self.clock.now()
        if let cached = self.cache.withLock({ $0.lookup(key, now: now) }) {
            return cached.value.markedFromCache(at: now)
        }
        let task: Task<HostFindings, Never> = self.inFlight.withLock { running in
            if let existing = running[key] { return existing }
            let created = Task { await self.runAndCache(target, key: key) }
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

    private func runAndCache(_ target: InterrogationTarget, key: String) async -> HostFindings {
        let found: HostFindings
        if await self.limiter.acquire() {
            found = await self.lookUp(target)
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
