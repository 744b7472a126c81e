import Foundation
import Storage
import Testing

@testable import Reporting

@Suite struct BlockListTests {
    static func record(_ address: String, _ winner: String, _ belief: Double, _ second: Int64 = 100) -> VerdictRecord {
        VerdictRecord(
            timestamp: TraceTimestamp(secondsSinceEpoch: second),
            transport: .udp,
            source: TraceEndpoint(address: address, port: 5060),
            method: "OPTIONS",
            callID: nil,
            cseqNumber: nil,
            cseqMethod: nil,
            belief: [],
            winner: winner,
            winnerBelief: belief,
            alert: true,
            explanationJSON: "{}",
            attackLabelsJSON: "[]",
            investigationJSON: "{}"
        )
    }

    static func store() async throws -> SQLiteTraceStore {
        let store = try SQLiteTraceStore.inMemory()
        try await store.appendVerdicts([
            record("203.0.113.9", "Suspicious", 0.81), record("198.51.100.7", "Crafted", 0.95),
            record("198.51.100.7", "Crafted", 0.99, 500), record("10.0.0.1", "Normal", 0.99),
            record("192.0.2.50", "Crafted", 0.5), record("2001:DB8:0::5", "Crafted", 0.9),
            record("::ffff:198.51.100.7", "Crafted", 0.9), record("127.0.0.1", "Crafted", 0.99),
            record("::1", "Crafted", 0.99), record("1.2.3.4; drop table", "Crafted", 0.99),
            record("$(reboot)", "Suspicious", 0.99), record("192.0.2.77", "Suspicious", 0.85, 900),
        ])
        return store
    }

    @Test func selection() async throws {
        let builder = BlockListBuilder(store: try await Self.store())
        let list = try await builder.list()
        #expect(list.addresses.map(\.description) == ["192.0.2.77", "198.51.100.7", "203.0.113.9", "2001:db8::5"])
        #expect(list.invalid == 2 && list.allowed == 2)
        let recent = try await builder.list(minimumBelief: 0.8, since: TraceTimestamp(secondsSinceEpoch: 400))
        #expect(recent.addresses.map(\.description) == ["192.0.2.77", "198.51.100.7"])
        let strict = try await builder.list(minimumBelief: 0.96)
        #expect(strict.addresses.map(\.description) == ["198.51.100.7"])
        var custom = builder
        custom.allowList += [IPPrefix("192.0.2.0/24")!, IPPrefix("2001:db8::/32")!]
        #expect(try await custom.list().addresses.map(\.description) == ["198.51.100.7", "203.0.113.9"])
    }

    @Test func plain() async throws {
        let text = try await BlockListBuilder(store: try await Self.store()).render(format: .plain)
        #expect(text == "192.0.2.77\n198.51.100.7\n203.0.113.9\n2001:db8::5\n")
        #expect(BlockList(addresses: []).render(.plain) == "")
    }

    @Test func ipset() async throws {
        let text = try await BlockListBuilder(store: try await Self.store()).render(format: .ipset)
        #expect(
            text == """
                create honeyphone4 hash:ip family inet -exist
                create honeyphone6 hash:ip family inet6 -exist
                flush honeyphone4
                flush honeyphone6
                add honeyphone4 192.0.2.77 -exist
                add honeyphone4 198.51.100.7 -exist
                add honeyphone4 203.0.113.9 -exist
                add honeyphone6 2001:db8::5 -exist

                """
        )
    }

    @Test func nftables() async throws {
        let text = try await BlockListBuilder(store: try await Self.store()).render(format: .nftables)
        #expect(text.contains("table inet honeyphone {\n    set blocklist4 {\n        type ipv4_addr;\n"))
        #expect(text.contains("\n        type ipv6_addr;\n"))
        #expect(text.contains("\nadd element inet honeyphone blocklist4 { 192.0.2.77, 198.51.100.7, 203.0.113.9 }\n"))
        #expect(text.contains("\nadd element inet honeyphone blocklist6 { 2001:db8::5 }\n"))
        // An empty list still loads (no empty element block).
        #expect(!BlockList(addresses: []).render(.nftables).contains("add element"))
        try Self.checkWithNft(text)
        try Self.checkWithNft(BlockList(addresses: []).render(.nftables))
        let many = (0..<600).map { IPAddress(bytes: [10, 1, UInt8($0 / 256), UInt8($0 % 256)])! }
        let large = BlockList(addresses: many).render(.nftables)
        #expect(large.components(separatedBy: "add element inet honeyphone blocklist4").count == 4)
        try Self.checkWithNft(large)
    }

    /// `nft -c -f FILE` (check only, nothing is loaded) when nft is installed and may talk to the kernel; else the
    /// syntax is only checked by the expectations above.
    static func checkWithNft(_ script: String) throws {
        guard
            let nft = ["/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("blocklist.nft")
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nft)
        process.arguments = ["-c", "-f", path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0, message.contains("Operation not permitted") { return }
        #expect(process.terminationStatus == 0, "nft -c rejected the script: \(message)")
    }
}
