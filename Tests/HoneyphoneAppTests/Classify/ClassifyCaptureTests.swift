import Foundation
import Synchronization
import Testing

@testable import HoneyphoneApp

@Suite struct ClassifyCaptureTests {
    /// A classic pcap (µs, little-endian, link type RAW = IPv4 directly) holding one UDP datagram per payload.
    static func pcap(_ payloads: [(source: [UInt8], destination: [UInt8], bytes: [UInt8])]) -> [UInt8] {
        func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
        func le16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
        func be16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
        var file = le32(0xA1B2_C3D4) + le16(2) + le16(4) + le32(0) + le32(0) + le32(65_535) + le32(101)
        for (index, payload) in payloads.enumerated() {
            let udpLength = 8 + payload.bytes.count
            let ip: [UInt8] =
                [0x45, 0] + be16(UInt16(20 + udpLength)) + [0, 0, 0, 0, 64, 17, 0, 0] + payload.source
                + payload.destination
            let udp = be16(5062) + be16(5060) + be16(UInt16(udpLength)) + [0, 0]
            let packet = ip + udp + payload.bytes
            file +=
                le32(1_700_000_000 + UInt32(index)) + le32(0) + le32(UInt32(packet.count)) + le32(UInt32(packet.count))
            file += packet
        }
        return file
    }

    @Test func classifiesTheRequestsOfAPcap() async throws {
        let invite = Array(ObservationMapperTests.paperInvite.utf8)
        let scan = Array(ObservationMapperTests.svmapOptions.utf8)
        let response = Array(
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.9:5062;branch=z9hG4bK-1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>;tag=2\r\nCall-ID: r\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
                .utf8
        )
        let bytes = Self.pcap([
            ([192, 0, 2, 9], [192, 0, 2, 1], invite),
            ([198, 51, 100, 4], [192, 0, 2, 1], scan),
            ([192, 0, 2, 1], [192, 0, 2, 9], response),
            ([192, 0, 2, 9], [192, 0, 2, 1], Array("garbage".utf8)),
        ])
        let path = NSTemporaryDirectory() + "classify-\(UUID().uuidString).pcap"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let loaded = try AnalysisInput.load(path: path)
        #expect(loaded.messages.map(\.index) == [1, 2])
        #expect(loaded.messages.map(\.source) == ["192.0.2.9", "198.51.100.4"])
        #expect(loaded.skipped == 2)

        let lines = Mutex<[String]>([])
        let runner = ClassifyCommandRunner(
            inputs: [path],
            tracesFolder: nil,
            json: true,
            investigationPath: nil,
            modelPath: nil
        )
        let status = await runner.run { line in lines.withLock { $0.append(line) } }
        #expect(status == 0)
        let output = lines.withLock { $0 }
        #expect(output.count == 3)
        let objects = try output.prefix(2).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects[0]["method"] as? String == "INVITE")
        #expect(objects[1]["source"] as? String == "198.51.100.4")
        let scanVerdict = try #require(objects[1]["verdict"] as? [String: Any])
        let evidence = try #require(scanVerdict["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["node"] as? String == "Anomalies" && $0["observed"] as? String == "ToolShaped" })
        let belief = try #require(scanVerdict["belief"] as? [Double])
        #expect(abs(belief.reduce(0, +) - 1) < 1e-9)
        #expect(output[2].contains("classified 2 request(s)"))
    }

    @Test func rejectsAFileThatIsNeitherSIPNorACapture() throws {
        let path = NSTemporaryDirectory() + "classify-\(UUID().uuidString).sip"
        FileManager.default.createFile(atPath: path, contents: Data("hello".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: AnalysisError.self) { try AnalysisInput.load(path: path) }
    }
}
