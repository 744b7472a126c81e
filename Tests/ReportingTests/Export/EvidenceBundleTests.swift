import CaptureFile
import Crypto
import Foundation
import NIOCore
import Storage
import Testing

@testable import Reporting

@Suite struct EvidenceBundleTests {
    static let callID = "evil/../../etc/passwd<script>@198.51.100.7"
    static let start: Int64 = 1_796_464_800_000_000_000

    static func message(
        _ text: String,
        at offset: Int64,
        direction: TraceDirection = .received,
        from: String = "198.51.100.7"
    )
        -> TraceRecord
    {
        let local = TraceEndpoint(address: "192.0.2.1", port: 5060)
        let remote = TraceEndpoint(address: from, port: 5070)
        return TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: Self.start + offset),
            direction: direction,
            transport: .udp,
            local: local,
            remote: remote,
            raw: Array(text.utf8),
            summary: TraceSummary(
                kind: text.hasPrefix("SIP/2.0") ? .response : .request,
                method: text.hasPrefix("SIP/2.0") ? nil : String(text.prefix { $0 != " " }),
                callID: text.contains(Self.callID) ? Self.callID : "other"
            )
        )
    }

    static func verdict(method: String, investigation: String) -> VerdictRecord {
        VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: Self.start),
            transport: .udp,
            source: TraceEndpoint(address: "198.51.100.7", port: 5070),
            method: method,
            callID: Self.callID,
            cseqNumber: 1,
            cseqMethod: method,
            belief: [.init(state: "Normal", belief: 0.1), .init(state: "Crafted", belief: 0.9)],
            winner: "Crafted",
            winnerBelief: 0.9,
            alert: true,
            explanationJSON: "{\"prior\":[0.5,0.5]}",
            attackLabelsJSON: "[{\"kind\":\"scanning\"}]",
            investigationJSON: investigation
        )
    }

    /// A store with the call's INVITE, 200 and BYE, an OPTIONS probe from the same source 5 s earlier, an
    /// unrelated message, and two verdicts; a recordings folder with the call's files and another call's.
    static func fixture(_ folder: TemporaryDirectory) async throws -> SQLiteTraceStore {
        let store = try SQLiteTraceStore.inMemory()
        try await store.append([
            Self.message("OPTIONS sip:probe SIP/2.0\r\nCall-ID: probe\r\n\r\n", at: -5_000_000_000),
            Self.message("INVITE sip:100@192.0.2.1 SIP/2.0\r\nCall-ID: \(Self.callID)\r\n\r\n", at: 0),
            Self.message("SIP/2.0 200 OK\r\nCall-ID: \(Self.callID)\r\n\r\n", at: 40_000_000, direction: .sent),
            Self.message("BYE sip:100@192.0.2.1 SIP/2.0\r\nCall-ID: \(Self.callID)\r\n\r\n", at: 3_000_000_000),
            Self.message("OPTIONS sip:x SIP/2.0\r\nCall-ID: other\r\n\r\n", at: 1_000_000_000, from: "203.0.113.5"),
        ])
        try await store.appendVerdicts([
            Self.verdict(method: "INVITE", investigation: "{\"hosts\":[{\"role\":\"A\"}]}"),
            Self.verdict(method: "BYE", investigation: "{\"cut"),
        ])
        let recordings = folder.file("recordings")
        try FileManager.default.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        // The call's RTP, written the way the media coordinator writes it: two packets between INVITE and BYE.
        let rtp = (1...2).map { index in
            TraceRecord(
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: Self.start + Int64(index) * 1_000_000_000),
                direction: .received,
                transport: .udp,
                local: TraceEndpoint(address: "192.0.2.1", port: 20_000),
                remote: TraceEndpoint(address: "198.51.100.7", port: 30_000),
                raw: [0x80, 0x00, 0x00, UInt8(index)] + [UInt8](repeating: 0xFF, count: 168),
                summary: TraceSummary(kind: .unparsed, parseErrorCode: "rtp")
            )
        }
        try PcapWriter.write(rtp, toFile: recordings + "/call-7-rtp.pcap")
        try Data("RIFF-caller".utf8).write(to: URL(fileURLWithPath: recordings + "/call-7-caller.wav"))
        try Data("RIFF-honeypot".utf8).write(to: URL(fileURLWithPath: recordings + "/call-7-honeypot.wav"))
        try Data("RIFF-other".utf8).write(to: URL(fileURLWithPath: recordings + "/call-8-caller.wav"))
        let index = [
            "{\"call\":7,\"callID\":" + JSONText.quoted(Self.callID)
                + ",\"files\":[\"call-7-caller.wav\",\"call-7-honeypot.wav\",\"call-7-rtp.pcap\",\"../../etc/passwd\"],\"rtpReceived\":2}",
            "not json",
            "{\"call\":8,\"callID\":\"other\",\"files\":[\"call-8-caller.wav\"]}",
        ]
        try Data((index.joined(separator: "\n") + "\n").utf8).write(
            to: URL(fileURLWithPath: recordings + "/index.jsonl")
        )
        return store
    }

    @Test func bundleContents() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try await Self.fixture(folder)
        let builder = EvidenceBundleBuilder(store: store, recordingsFolder: folder.file("recordings"))
        let archive = try await builder.bundle(
            callID: Self.callID,
            createdAt: TraceTimestamp(nanosecondsSinceEpoch: Self.start)
        )
        let top = EvidenceBundleBuilder.folderName(callID: Self.callID)
        #expect(top.wholeMatch(of: /incident-[0-9a-f]{16}/) != nil)
        let out = folder.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data(archive).write(to: URL(fileURLWithPath: folder.file("bundle.tar")))
        let (listStatus, listing) = try runProgram("/usr/bin/tar", ["-tf", folder.file("bundle.tar")])
        #expect(listStatus == 0)
        #expect(
            listing.split(separator: "\n").sorted() == [
                "\(top)/", "\(top)/capture.pcap", "\(top)/investigation.json", "\(top)/manifest.json",
                "\(top)/messages.json", "\(top)/recordings/", "\(top)/recordings/call-7-caller.wav",
                "\(top)/recordings/call-7-honeypot.wav", "\(top)/verdicts.json",
            ]
        )
        let (status, output) = try runProgram("/usr/bin/tar", ["-xf", folder.file("bundle.tar")], in: out)
        #expect(status == 0, "\(output)")
        func read(_ name: String) throws -> Data {
            try Data(contentsOf: URL(fileURLWithPath: out + "/" + top + "/" + name))
        }

        // The manifest names every other file with its size and SHA-256.
        let manifest = try #require(try JSONSerialization.jsonObject(with: read("manifest.json")) as? [String: Any])
        #expect(manifest["call_id"] as? String == Self.callID)
        #expect(manifest["messages"] as? Int == 3 && manifest["verdicts"] as? Int == 2)
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == 6)
        for file in files {
            let name = try #require(file["name"] as? String)
            let data = try read(name)
            #expect(file["bytes"] as? Int == data.count)
            #expect(file["sha256"] as? String == SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
        }

        // SIP and RTP in one capture, in time order, that the project's reader decodes.
        let (payloads, _) = try CaptureFileReader.readAll(bytes: [UInt8](try read("capture.pcap")))
        #expect(payloads.count == 5)
        #expect(payloads.map { $0.destination.port } == [5060, 5070, 20_000, 20_000, 5060])
        #expect(payloads.map(\.timestamp!) == payloads.map(\.timestamp!).sorted())

        let messages = try #require(try JSONSerialization.jsonObject(with: read("messages.json")) as? [[String: Any]])
        #expect(messages.map { $0["method"] as? String ?? "-" } == ["INVITE", "-", "BYE"])
        let verdicts = try #require(try JSONSerialization.jsonObject(with: read("verdicts.json")) as? [[String: Any]])
        #expect(verdicts.count == 2)
        #expect((verdicts[0]["investigation"] as? [String: Any])?["hosts"] != nil)
        #expect(verdicts[1]["investigation"] as? String == "{\"cut")  // not JSON: kept as a string
        let investigation = try JSONSerialization.jsonObject(with: read("investigation.json")) as? [String: Any]
        #expect(investigation?["hosts"] != nil)
        #expect(try read("recordings/call-7-caller.wav") == Data("RIFF-caller".utf8))
    }

    @Test func sourceWindowAddsTheProbes() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try await Self.fixture(folder)
        let builder = EvidenceBundleBuilder(store: store, recordingsFolder: nil)
        let narrow = try await builder.bundle(callID: Self.callID, sourceWindow: .seconds(1))
        let wide = try await builder.bundle(callID: Self.callID, sourceWindow: .seconds(10))
        #expect(try Self.manifest(narrow)["messages"] as? Int == 3)
        #expect(try Self.manifest(wide)["messages"] as? Int == 4)  // the OPTIONS probe, not the other source
    }

    @Test func unknownCallAndBound() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try await Self.fixture(folder)
        let builder = EvidenceBundleBuilder(store: store, recordingsFolder: folder.file("recordings"))
        await #expect(throws: ReportingError.self) { try await builder.bundle(callID: "nobody") }
        let small = EvidenceBundleBuilder(store: store, recordingsFolder: nil, maximumBytes: 4_096)
        do {
            _ = try await small.bundle(callID: Self.callID)
            Issue.record("the size bound was not enforced")
        } catch let error as ReportingError {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func differentLinkTypesStayApart() throws {
        var ethernet = [UInt8](repeating: 0, count: 24)
        ethernet[0...3] = [0xD4, 0xC3, 0xB2, 0xA1]
        ethernet[20] = 1
        #expect(PcapMerger.merge(PcapWriter.capture([]), ethernet) == nil)
        #expect(PcapMerger.read(ethernet)?.linkType == 1)
        #expect(PcapMerger.read([0x0A, 0x0D, 0x0D, 0x0A] + [UInt8](repeating: 0, count: 40)) == nil)
        // A truncated record does not parse.
        var truncated = PcapWriter.capture([Self.message("OPTIONS x SIP/2.0\r\n\r\n", at: 0)])
        truncated.removeLast(3)
        #expect(PcapMerger.read(truncated) == nil)
    }

    static func manifest(_ archive: [UInt8]) throws -> [String: Any] {
        // The manifest is the second entry: after the folder's header block, a header, then the file.
        let size = Int(String(decoding: archive[(512 + 124)..<(512 + 135)], as: UTF8.self), radix: 8) ?? 0
        let data = Data(archive[1_024..<(1_024 + size)])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
