extension AttackLabeller {
    /// The attack labels of `source` over the window ending at `now`, in ``AttackLabel/Kind`` order; empty
    /// for an unknown source or one below every threshold.
    public func labels(for source: String, at now: Duration) -> [AttackLabel] {
        guard let history = self.sources[Self.key(source)] else {
            return []
        }
        let config = self.configuration
        let time = Self.seconds(now)
        let stats = Statistics(history.live, from: time - config.window, to: time)
        var labels: [AttackLabel] = []

        if stats.probeTargets.count >= config.scanningTargets {
            labels.append(
                self.label(
                    .scanning,
                    "distinct-targets",
                    Double(stats.probeTargets.count),
                    Double(config.scanningTargets),
                    [
                        AttackLabel.Metric(name: "probe-requests", value: Double(stats.probes), threshold: 0)
                    ]
                )
            )
        }
        if stats.users.count >= config.enumerationUsers {
            let refused = stats.answered > 0 ? Double(stats.refused) / Double(stats.answered) : nil
            if refused.map({ $0 >= config.enumerationRefusedShare }) ?? true {
                var label = self.label(
                    .extensionEnumeration,
                    "distinct-users",
                    Double(stats.users.count),
                    Double(config.enumerationUsers),
                    [
                        AttackLabel.Metric(
                            name: "refused-share",
                            value: refused ?? -1,
                            threshold: config.enumerationRefusedShare
                        )
                    ]
                )
                if refused == nil {
                    label.confidence *= 0.75
                }
                labels.append(label)
            }
        }
        let attempts = stats.attemptsPerUser.values.max() ?? 0
        if attempts >= config.passwordAttemptsPerUser {
            labels.append(
                self.label(
                    .passwordGuessing,
                    "attempts-per-user",
                    Double(attempts),
                    Double(config.passwordAttemptsPerUser),
                    [
                        AttackLabel.Metric(name: "authorised-requests", value: Double(stats.authorised), threshold: 0),
                        AttackLabel.Metric(
                            name: "distinct-auth-users",
                            value: Double(stats.attemptsPerUser.count),
                            threshold: 0
                        ),
                    ]
                )
            )
        }
        // A fast sweep is reconnaissance, not a flood: svmap, svwar and svcrack send over 100 requests per second,
        // but each to a new target, a new user or with a new password. A flood repeats itself.
        if stats.sweepShare < config.floodMaximumSweepShare, let flood = self.floodLabel(history, at: time) {
            labels.append(flood)
        }
        if stats.spitCallees.count >= config.spitCallees {
            labels.append(
                self.label(
                    .spit,
                    "distinct-callees-with-media",
                    Double(stats.spitCallees.count),
                    Double(config.spitCallees),
                    [
                        AttackLabel.Metric(name: "invites-with-media", value: Double(stats.spitCalls), threshold: 0)
                    ]
                )
            )
        }
        if stats.external >= config.tollFraudInvites {
            labels.append(
                self.label(.tollFraud, "external-invites", Double(stats.external), Double(config.tollFraudInvites), [])
            )
        }
        if stats.requests >= config.malformedMinimumRequests {
            let share = Double(stats.broken) / Double(stats.requests)
            if share >= config.malformedShare {
                labels.append(
                    self.label(
                        .malformed,
                        "error-share",
                        share,
                        config.malformedShare,
                        [
                            AttackLabel.Metric(
                                name: "requests",
                                value: Double(stats.requests),
                                threshold: Double(config.malformedMinimumRequests)
                            )
                        ]
                    )
                )
            }
        }
        return labels
    }

    private func floodLabel(_ history: Source, at time: Double) -> AttackLabel? {
        let config = self.configuration
        let second = Int64(time.rounded(.down))
        let rate = history.rate.rate(at: second)
        let totalRate = self.totalRate(at: second)
        let totalMetric = AttackLabel.Metric(
            name: "total-requests-per-second",
            value: totalRate,
            threshold: config.floodRateTotal
        )
        if rate >= config.floodRatePerSource {
            return self.label(.flooding, "requests-per-second", rate, config.floodRatePerSource, [totalMetric])
        }
        let share = totalRate > 0 ? rate / totalRate : 0
        guard totalRate >= config.floodRateTotal, share >= config.floodShare else {
            return nil
        }
        var label = self.label(
            .flooding,
            "total-requests-per-second",
            totalRate,
            config.floodRateTotal,
            [
                AttackLabel.Metric(name: "requests-per-second", value: rate, threshold: config.floodRatePerSource),
                AttackLabel.Metric(name: "share-of-total", value: share, threshold: config.floodShare),
            ]
        )
        label.confidence *= 0.75
        return label
    }

    /// 0.5 at the threshold, 1 at twice the threshold (or above), linear between.
    private func label(
        _ kind: AttackLabel.Kind,
        _ name: String,
        _ value: Double,
        _ threshold: Double,
        _ more: [AttackLabel.Metric]
    ) -> AttackLabel {
        let confidence = threshold > 0 ? min(1, 0.5 + 0.5 * (value - threshold) / threshold) : 1
        return AttackLabel(
            kind: kind,
            confidence: max(0, confidence),
            evidence: [AttackLabel.Metric(name: name, value: value, threshold: threshold)] + more
        )
    }

    /// The window's counts for one source.
    struct Statistics {
        /// Requests in the window.
        var requests = 0
        /// OPTIONS and INVITE requests (scanning probes).
        var probes = 0
        /// Distinct probed Request-URIs.
        var probeTargets: Set<Int> = []
        /// Distinct users addressed by probes (requests other than INVITEs with media).
        var users: Set<Int> = []
        /// Requests with a known final response.
        var answered = 0
        /// Requests answered with a refusal (401, 403, 404, 407 or 484).
        var refused = 0
        /// Requests carrying credentials.
        var authorised = 0
        /// Credentialed attempts per authorisation user.
        var attemptsPerUser: [Int: Int] = [:]
        /// INVITEs with media.
        var spitCalls = 0
        /// Distinct callees of INVITEs with media.
        var spitCallees: Set<Int> = []
        /// INVITEs to external, international or premium numbers.
        var external = 0
        /// Requests the parser found broken.
        var broken = 0

        /// The share of the requests that are explained by a sweep: distinct probe targets, distinct users and
        /// credentialed attempts over the requests (at most 1; 0 without requests).
        var sweepShare: Double {
            guard self.requests > 0 else { return 0 }
            return min(1, Double(self.probeTargets.count + self.users.count + self.authorised) / Double(self.requests))
        }

        /// Counts the events whose time falls in `start...end`.
        init(_ events: ArraySlice<Event>, from start: Double, to end: Double) {
            for event in events where event.time >= start && event.time <= end {
                self.requests += 1
                if event.hasErrors {
                    self.broken += 1
                }
                switch event.method {
                case .invite, .options:
                    self.probes += 1
                    if event.target != 0 {
                        self.probeTargets.insert(event.target)
                    }
                case .register, .other:
                    break
                }
                switch event.method {
                case .invite, .options, .register:
                    // A call with media is a call, not a probe for a user: SPIT reaches many callees too, and
                    // counting its calls here would label every SPIT source an enumerator as well.
                    if event.user != 0, !(event.method == .invite && event.hasSDP) {
                        self.users.insert(event.user)
                    }
                    if event.response != 0 {
                        self.answered += 1
                        if [401, 403, 404, 407, 484].contains(event.response) {
                            self.refused += 1
                        }
                    }
                case .other:
                    break
                }
                if event.hasAuthorization, event.method == .register || event.method == .invite {
                    self.authorised += 1
                    self.attemptsPerUser[event.authUser, default: 0] += 1
                }
                if event.method == .invite, event.hasSDP {
                    self.spitCalls += 1
                    if event.user != 0 {
                        self.spitCallees.insert(event.user)
                    }
                }
                if event.external {
                    self.external += 1
                }
            }
        }
    }
}
