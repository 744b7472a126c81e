import Storage

/// Keeps a flood from costing one full analysis per packet: within `window`, a request other than INVITE from
/// the same source, with the same method and User-Agent, reuses the verdict of the first one (its belief,
/// explanation, attack labels and investigation), while the attack labeller still counts every request and
/// every request still gets its own stored verdict row (time, Call-ID, CSeq). INVITEs are always analysed:
/// each call gets its own investigation (whose per-host lookups the Investigator caches anyway).
///
/// Bounded: at most ``maximumKeys`` keys; when full, stale keys are removed, and if none are, all.
struct VerdictCoalescer {
    /// The keys kept at most.
    static let maximumKeys = 4_096

    /// What a reused verdict carries.
    struct Template {
        var at: Int64
        var belief: [VerdictRecord.NamedBelief]
        var winner: String
        var winnerBelief: Double
        var alert: Bool
        var explanationJSON: String
        var attackLabelsJSON: String
        var investigationJSON: String
        /// The attack-label kinds, comma-separated, for the alert log.
        var attacks: String
    }

    private var templates: [String: Template] = [:]
    /// The window in nanoseconds (1 s by default).
    let window: Int64
    /// How many analyses were saved.
    private(set) var reused = 0

    init(window: Duration = .seconds(1)) {
        self.window = window.components.seconds * 1_000_000_000 + window.components.attoseconds / 1_000_000_000
    }

    /// The key of a request, or `nil` when it must be analysed on its own (INVITE).
    static func key(source: String, method: String?, userAgent: String?) -> String? {
        guard let method, method != "INVITE" else { return nil }
        return source + "\u{1}" + method + "\u{1}" + String((userAgent ?? "").prefix(128))
    }

    /// A template younger than the window, counted as reused.
    mutating func template(for key: String, now: Int64) -> Template? {
        guard let template = self.templates[key], now - template.at < self.window, now >= template.at else {
            return nil
        }
        self.reused += 1
        return template
    }

    /// Remembers the verdict of a fresh analysis.
    mutating func remember(_ template: Template, for key: String) {
        if self.templates.count >= Self.maximumKeys, self.templates[key] == nil {
            let now = template.at
            self.templates = self.templates.filter { now - $0.value.at < self.window }
            if self.templates.count >= Self.maximumKeys { self.templates.removeAll(keepingCapacity: true) }
        }
        self.templates[key] = template
    }
}
