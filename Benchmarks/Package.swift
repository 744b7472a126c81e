// swift-tools-version:6.1

// Speed and allocation benchmarks of Honeyphone's parsers (ordo-one/package-benchmark).
// Run from this folder: `swift package --scratch-path .build-bench benchmark`; see README.md.
// Model: apple/swift-nio `Benchmarks/Package.swift`.

import PackageDescription

let package = Package(
    name: "benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency's identity is its folder name, which depends on the clone.
        .package(name: "honeyphone", path: "../"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // ordo-one/benchmark (formerly package-benchmark). Only the MallocInterposer trait (the mallocCountTotal
        // metric): the default traits would also pull in the Swift 6.3 runtime interposer package, which is not
        // available here.
        .package(
            url: "https://github.com/ordo-one/benchmark.git",
            from: "1.38.1",
            traits: ["MallocInterposer"]
        ),
    ],
    targets: [
        // The inference engine's verdict for a message with five hosts (target ≤ 5 µs).
        .executableTarget(
            name: "InferenceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Inference", package: "honeyphone"),
            ],
            path: "Benchmarks/InferenceBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "SIPParserBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SIPCore", package: "honeyphone"),
                .product(name: "SDP", package: "honeyphone"),
                .product(name: "Agent", package: "honeyphone"),
                .product(name: "SIPTransactions", package: "honeyphone"),
                .product(name: "SIPTransport", package: "honeyphone"),
                .product(name: "Storage", package: "honeyphone"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/SIPParserBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        )
    ]
)

for target in package.targets where [.executable, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
