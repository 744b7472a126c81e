import Foundation
import HoneyphoneApp
import Reporting
import Storage
import Synchronization
import Testing

@Suite struct ExportCommandRunnerTests {
    static func dataFolder() async throws -> String {
        let folder = NSTemporaryDirectory() + "honeyphone-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLiteTraceStore(path: folder + "/traces.sqlite")
        let time = TraceTimestamp(secondsSinceEpoch: 1_796_464_800)
        try await store.append([
            TraceRecord(
                timestamp: time,
                direction: .received,
                transport: .udp,
                local: TraceEndpoint(address: "192.0.2.1", port: 5060),
                remote: TraceEndpoint(address: "198.51.100.7", port: 5070),
                raw: Array("INVITE sip:1@192.0.2.1 SIP/2.0\r\nCall-ID: export-1\r\n\r\n".utf8),
                summary: TraceSummary(kind: .request, method: "INVITE", callID: "export-1")
            )
        ])
        for (address, winner, belief) in [
            ("198.51.100.7", "Crafted", 0.95), ("203.0.113.9", "Suspicious", 0.7), ("127.0.0.1", "Crafted", 1.0),
        ] {
            try await store.appendVerdicts([
                VerdictRecord(
                    timestamp: time,
                    transport: .udp,
                    source: TraceEndpoint(address: address, port: 5070),
                    method: "INVITE",
                    callID: "export-1",
                    cseqNumber: 1,
                    cseqMethod: "INVITE",
                    belief: [],
                    winner: winner,
                    winnerBelief: belief,
                    alert: true,
                    explanationJSON: "{}",
                    attackLabelsJSON: "[]",
                    investigationJSON: "{}"
                )
            ])
        }
        return folder
    }

    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func print(_ line: String) { self.lines.withLock { $0.append(line) } }
        var all: [String] { self.lines.withLock { $0 } }
    }

    @Test func bundle() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = Lines()
        let status = try await ExportCommandRunner.Bundle(
            dataFolder: folder,
            callID: "export-1",
            output: folder + "/incident.tar"
        ).run { output.print($0) }
        #expect(status == 0)
        let name = EvidenceBundleBuilder.folderName(callID: "export-1")
        #expect(output.all.first?.hasPrefix("honeyphone: wrote \(name) (") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/incident.tar")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let missing = try await ExportCommandRunner.Bundle(
            dataFolder: folder,
            callID: "nope",
            output: folder + "/x.tar"
        )
        .run { output.print($0) }
        #expect(missing == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.tar"))
        let noStore = try await ExportCommandRunner.Bundle(
            dataFolder: folder + "/none",
            callID: "x",
            output: "/dev/null"
        )
        .run { output.print($0) }
        #expect(noStore == 66)
    }

    @Test func blockList() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let printed = Lines()
        #expect(try await ExportCommandRunner.BlockList(dataFolder: folder).run { printed.print($0) } == 0)
        #expect(printed.all == ["198.51.100.7"])
        let lower = Lines()
        let status = try await ExportCommandRunner.BlockList(
            dataFolder: folder,
            format: .ipset,
            minimumBelief: 0.5,
            output: folder + "/list.ipset"
        ).run { lower.print($0) }
        #expect(status == 0)
        #expect(
            lower.all == [
                "honeyphone: wrote 2 address(es) to \(folder)/list.ipset (ipset); skipped 0 not an IP address, 1 on the allow list"
            ]
        )
        let text = try String(contentsOfFile: folder + "/list.ipset", encoding: .utf8)
        #expect(text.contains("add honeyphone4 203.0.113.9 -exist\n"))
        let allowed = Lines()
        _ = try await ExportCommandRunner.BlockList(
            dataFolder: folder,
            minimumBelief: 0.5,
            allow: [IPPrefix("203.0.113.0/24")!]
        ).run { allowed.print($0) }
        #expect(allowed.all == ["198.51.100.7"])
    }
}
