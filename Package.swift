// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "honeyphone",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SIPCore", targets: ["SIPCore"]),
        .library(name: "SDP", targets: ["SDP"]),
        .library(name: "Behaviour", targets: ["Behaviour"]),
        .library(name: "RTP", targets: ["RTP"]),
        .library(name: "HoneyphoneApp", targets: ["HoneyphoneApp"]),
        .library(name: "Inference", targets: ["Inference"]),
        .library(name: "Recon", targets: ["Recon"]),
        .library(name: "CaptureFile", targets: ["CaptureFile"]),
        // For Benchmarks/ (the stateless answer path): not a stable API.
        .library(name: "Agent", targets: ["Agent"]),
        .library(name: "SIPTransactions", targets: ["SIPTransactions"]),
        .library(name: "SIPTransport", targets: ["SIPTransport"]),
        .library(name: "Storage", targets: ["Storage"]),
        .executable(name: "recon-probe", targets: ["recon-probe"]),
        .executable(name: "honeyphone", targets: ["honeyphone"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The administrator's interface. Hummingbird's default traits pull in swift-configuration: not used.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // The message layer: SIP model, byte parser (datagram and stream), serializer, URIs, limits, errors.
        .target(
            name: "SIPCore",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // SDP (RFC 8866): model, lenient parser with anomalies, builder for answers.
        .target(
            name: "SDP",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // RFC 3261 §17 transactions (with RFC 6026): pure state machines, timers as actions, a bounded table.
        .target(
            name: "SIPTransactions",
            dependencies: ["SIPCore", .product(name: "NIOCore", package: "swift-nio")]
        ),
        // HTTP Digest for SIP (RFC 2617, RFC 7616, RFC 8760): challenges, credentials, responses, attempts.
        .target(
            name: "SIPAuth",
            dependencies: ["SIPCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The trace store: every message received or sent, batched writes, SQLite (GRDB) driver, pcap export.
        .target(
            name: "Storage",
            dependencies: [
                "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for binding a row's text and bytes without a copy on the Swift side.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Events and exports: SentryPeer-compatible JSON events, sinks (JSON lines, RFC 5424 syslog, webhook,
        // fail2ban) behind a bounded hub, evidence bundles (ustar with pcap, recordings, verdicts) and block lists.
        .target(
            name: "Reporting",
            dependencies: [
                "Storage", "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // RFC 3261 §18 transports: UDP/TCP/TLS listeners on one event loop, framing, sending (SwiftNIO).
        .target(
            name: "SIPTransport",
            dependencies: [
                "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The behaviour language of the paper's section VI-A (Fig. 4): profile parser with file:line:column
        // errors, validator, and the interpreter as a pure state machine. No dependencies.
        .target(name: "Behaviour"),
        // RFC 3550 RTP/RTCP, G.711, RFC 4733, WAV, resampling, the sender/receiver state machines, the recorder: pure.
        .target(name: "RTP", dependencies: [.product(name: "NIOCore", package: "swift-nio")]),
        // Media sessions over SwiftNIO UDP: port pairs, symmetric RTP, paced playback, recording, DTMF, RTCP.
        .target(
            name: "Media",
            dependencies: [
                "RTP", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Tones, Goertzel, zero crossings, RMS and a seeded generator for the media tests.
        .target(name: "RTPTestSupport"),
        // The honeypot agent: UA core (RFC 3261 §8.2 UAS, dialogs), personas, call policy seam, registration
        // client, and the stack that runs them over the transport.
        .target(
            name: "Agent",
            dependencies: [
                "SIPCore", "SDP", "SIPTransactions", "SIPTransport", "SIPAuth", "Storage", "Behaviour",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The inference engine (paper §VII): Bayesian tree, λ/π propagation, Markov trust chain, model file,
        // verdicts, attack-type labels, learning and evaluation. Pure: no Foundation, no NIO, no clock.
        .target(name: "Inference"),
        // pcap / pcapng reader for offline analysis: link layers, IPv4/IPv6, UDP datagrams, reassembled TCP.
        .target(
            name: "CaptureFile",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // A small pcap / pcapng writer to build captures in tests (inverse codec, never in production code).
        .target(
            name: "CaptureFileTestSupport",
            dependencies: ["CaptureFile", .product(name: "NIOCore", package: "swift-nio")]
        ),
        // The investigation (paper §VI-B): DNS/ENUM/RFC 3263, WHOIS and RDAP, MMDB, fingerprints, history, probes,
        // traceroutes by TTL and Max-Forwards, scope and rate limits, the Investigator.
        .target(
            name: "Recon",
            dependencies: [
                "SIPCore", "SDP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The bounded, loopback-only SIP load generator of Benchmarks/flood.sh.
        .executableTarget(name: "sip-flood"),
        // A probe for network-namespace tests: prints JSON of a traceroute or port check for HOST PORT.
        .executableTarget(
            name: "recon-probe",
            dependencies: ["Recon"]
        ),
        // The test services of Tests/ReconLab: a WHOIS server over a small object file and an .mmdb builder.
        .executableTarget(
            name: "recon-lab",
            dependencies: [
                "Recon", "ReconTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Fakes for Recon tests: DNS server (UDP + TCP), WHOIS server, SIP responder, MMDB writer, manual clock.
        .target(
            name: "ReconTestSupport",
            dependencies: [
                "Recon", "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The administrator's interface (paper §V, fifth component): Hummingbird pages and REST API, login and CSRF,
        // live updates over SSE, Prometheus metrics. Reads the stores; never writes traces.
        .target(
            name: "WebUI",
            dependencies: [
                "Storage", "WebGraphics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),
        // SVG charts, ladder and state diagrams, the world map of Fig. 7, HTML escaping: pure, no Foundation.
        .target(name: "WebGraphics"),
        // Wiring and the work behind each subcommand (a library, so it is testable).
        .target(
            name: "HoneyphoneApp",
            dependencies: [
                "SIPCore", "SDP", "SIPTransactions", "SIPTransport", "SIPAuth", "Storage", "Agent", "Recon", "Inference",
                "Behaviour", "RTP", "Media",
                "CaptureFile", "WebUI", "Reporting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // `@main` and the subcommands' argument parsing, nothing else.
        .executableTarget(
            name: "honeyphone",
            dependencies: [
                "HoneyphoneApp", "SIPCore", "Storage", "WebUI", "Reporting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SIPCoreTests",
            dependencies: [
                "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            resources: [.copy("Messages")]
        ),
        .testTarget(
            name: "SDPTests",
            dependencies: ["SDP", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "SIPTransactionsTests",
            dependencies: ["SIPTransactions", "SIPCore", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "SIPAuthTests",
            dependencies: ["SIPAuth", "SIPCore"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "SIPCore", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "Reporting", "Storage", "CaptureFile",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference"]
        ),
        .testTarget(
            name: "CaptureFileTests",
            dependencies: ["CaptureFile", "CaptureFileTestSupport", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "ReconTests",
            dependencies: [
                "Recon", "SIPCore", "SDP", "ReconTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Resources", "Fixtures"]
        ),
        .testTarget(
            name: "HoneyphoneAppTests",
            dependencies: [
                "HoneyphoneApp", "SIPCore", "SDP", "Agent", "SIPTransport", "Storage", "Behaviour", "Reporting",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "BehaviourTests", dependencies: ["Behaviour"]),
        .testTarget(name: "WebGraphicsTests", dependencies: ["WebGraphics"]),
        .testTarget(
            name: "WebUITests",
            dependencies: [
                "WebUI", "Storage", "SIPCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "RTPTests",
            dependencies: ["RTP", "RTPTestSupport", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "MediaTests",
            dependencies: [
                "Media", "RTP", "RTPTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AgentTests",
            dependencies: [
                "Agent", "Behaviour", "SIPCore", "SDP", "SIPTransactions", "SIPTransport", "SIPAuth", "Storage",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SIPTransportTests",
            dependencies: [
                "SIPTransport", "SIPCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
