// swift-tools-version:6.1

// libFuzzer targets for Honeyphone's parsers. Build and run them with `run.sh`; see README.md.
// Model: apple/swift-nio-http2 `FuzzTesting/`.

import PackageDescription

let package = Package(
    name: "FuzzTesting",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency's identity is its folder name, which depends on the clone.
        .package(name: "honeyphone", path: "../"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Walks every typed accessor of a parsed message or URI, so that lazy decoding is fuzzed too.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "SIPCore", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // A SIP datagram or stream-framed message: `SIPMessageParser`, then every accessor.
        .executableTarget(
            name: "FuzzSIPMessage",
            dependencies: [
                "FuzzSupport",
                .product(name: "SIPCore", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // A URI on its own: `SIPURI.parse` and `SIPURI.init?(_:)`.
        .executableTarget(
            name: "FuzzSIPURI",
            dependencies: [
                "FuzzSupport",
                .product(name: "SIPCore", package: "honeyphone"),
            ]
        ),
        // An SDP body: `SDPParser`, every accessor, the serializer and the offer/answer builder.
        .executableTarget(
            name: "FuzzSDP",
            dependencies: [
                "FuzzSupport",
                .product(name: "SDP", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // A behaviour profile: parse, print, parse the print, run a scripted call.
        .executableTarget(
            name: "FuzzProfile",
            dependencies: [.product(name: "Behaviour", package: "honeyphone")]
        ),
        // An RTP/RTCP datagram: the packet codecs, the recorder, the telephone-event receiver, the serializers.
        .executableTarget(
            name: "FuzzRTP",
            dependencies: [
                .product(name: "RTP", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // A WAV file: the reader, downmix, resampling to 8 kHz, the writer.
        .executableTarget(
            name: "FuzzWAV",
            dependencies: [
                .product(name: "RTP", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)

for target in package.targets where [.executable, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // https://github.com/apple/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
