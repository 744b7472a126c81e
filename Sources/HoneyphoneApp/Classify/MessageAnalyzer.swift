public import Inference
public import Recon
public import SIPCore
import Synchronization

/// One request's analysis: investigation (full for INVITE, passive for the rest), evidence, verdict, the
/// source's attack labels, and whether it raises an alert. Shared by the running honeypot and `classify`.
public struct MessageAnalysis: Sendable {
    /// The observation given to the engine.
    public var observation: Observation
    /// The verdict.
    public var verdict: Verdict
    /// The source's attack labels at the message's time.
    public var labels: [AttackLabel]
    /// Whether Suspicious or Crafted reached the alert threshold.
    public var alert: Bool
    /// The investigation as JSON (Recon's report, or the passive summary).
    public var investigationJSON: String
    /// The investigation report, for INVITEs.
    public var report: InvestigationReport?
}

/// Runs ``MessageAnalysis`` for requests; the attack labeller is shared behind a `Mutex`.
public final class MessageAnalyzer: Sendable {
    /// The toolkit.
    public let toolkit: AnalysisToolkit
    let labeller: Mutex<AttackLabeller>

    /// An analyzer over `toolkit`.
    public init(toolkit: AnalysisToolkit, labeller: AttackLabeller.Configuration = .init()) {
        self.toolkit = toolkit
        self.labeller = Mutex(AttackLabeller(configuration: labeller))
    }

    /// Analyses `message` from `source` (an IP address as text) aimed at `target`, at `time` since the origin the
    /// caller chose. INVITEs are investigated fully (within the settings); other requests get passive evidence
    /// only: their fingerprint, anomalies and the source's history.
    public func analyse(_ message: SIPMessage, source: String, target: String?, time: Duration) async -> MessageAnalysis
    {
        let sdp = MessageEvidence.sdp(of: message)
        let summary = MessageEvidence.requestSummary(message, sdp: sdp, source: source, target: target, time: time)
        let labels = self.labeller.withLock { labeller in
            _ = labeller.observe(summary)
            return labeller.labels(for: source, at: time)
        }
        let mapper = self.toolkit.mapper
        var observation: Observation
        let json: String
        var report: InvestigationReport?
        if message.method?.rawValue == "INVITE" {
            let investigated = await self.toolkit.investigator.investigate(message, sdp: sdp)
            observation = mapper.observation(message: message, sdp: sdp, report: investigated, source: source)
            json = ReportRenderer.json(investigated)
            report = investigated
        } else {
            let matches = self.toolkit.investigator.configuration.fingerprints.match(message)
            let host = InterrogationList.canonicalHost(source) ?? source
            let sightings = self.toolkit.history.recordSighting(of: host).value.map { $0?.sightings ?? 0 }
            let facts = HostFacts(host: host, roles: [.signalingSource], sightings: sightings, fingerprints: matches)
            observation = mapper.observation(
                message: message,
                sdp: sdp,
                hosts: [facts],
                passiveFingerprint: matches,
                source: source
            )
            json = Self.passiveJSON(host: host, sightings: sightings, matches: matches)
        }
        // The source's behaviour so far is evidence too (paper §VII-B: Suspicious requests are part of an attack).
        observation.sourceIsAttacking = !labels.isEmpty
        let verdict = self.toolkit.engine.verdict(for: observation)
        return MessageAnalysis(
            observation: observation,
            verdict: verdict,
            labels: labels,
            alert: Self.isAlert(verdict, threshold: self.toolkit.settings.alertThreshold),
            investigationJSON: json,
            report: report
        )
    }

    /// Counts a request for the attack labels without analysing it (a coalesced repeat of a flood).
    public func observe(_ message: SIPMessage, source: String, target: String?, time: Duration) {
        let summary = MessageEvidence.requestSummary(
            message,
            sdp: MessageEvidence.sdp(of: message),
            source: source,
            target: target,
            time: time
        )
        self.labeller.withLock { _ = $0.observe(summary) }
    }

    /// Whether `Suspicious` or `Crafted` reached `threshold`.
    public static func isAlert(_ verdict: Verdict, threshold: Double) -> Bool {
        zip(verdict.states, verdict.belief).contains { state, belief in
            (state == "Suspicious" || state == "Crafted") && belief >= threshold
        }
    }

    static func passiveJSON(host: String, sightings: Int?, matches: [FingerprintMatch]) -> String {
        let fingerprints = matches.map {
            "{\"identifier\":" + ReportRenderer.jsonString($0.identifier) + ",\"category\":"
                + ReportRenderer.jsonString($0.category.rawValue) + ",\"confidence\":\($0.confidence)}"
        }
        return "{\"mode\":\"passive\",\"source\":" + ReportRenderer.jsonString(host) + ",\"sightings\":"
            + (sightings.map { "\($0)" } ?? "null") + ",\"fingerprint\":[" + fingerprints.joined(separator: ",") + "]}"
    }
}
