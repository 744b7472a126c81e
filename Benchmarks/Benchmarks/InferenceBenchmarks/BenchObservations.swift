import Inference

/// The observations the benchmarks classify.
enum BenchObservations {
    /// A crafted-looking INVITE: To not ours, five hop counts spread out, tool-shaped, and five investigated hosts
    /// with every field known (the most evidence the engine takes, so the slowest path).
    static let fiveHosts = Observation(
        toIsOurs: false,
        hopCounts: [3, 9, 14, nil, 2],
        hosts: (0..<5).map { index in
            HostObservation(
                host: "host\(index).example.net",
                sightings: index,
                whoisTrust: 0.2 * Double(index),
                asTrust: 0.5,
                locationTrust: 0.8 - 0.1 * Double(index),
                portOpen: index.isMultiple(of: 2),
                fingerprintTrust: 0.3,
                dnsValid: index != 3
            )
        },
        anomalies: AnomalySummary(errors: 1, warnings: 2, toolShaped: true)
    )
}
