import CaptureFile
import Foundation
import NIOCore
import Testing

/// The lab's real captures, when this machine has them (`/work/shared/lab/captures/*.pcap`); skipped elsewhere, so
/// `swift test` never depends on that directory.
@Suite struct LabCaptureTests {
    static let directory = "/work/shared/lab/captures"

    static var available: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: Self.directory, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory)) ?? []
        return names.filter { $0.hasSuffix(".pcap") || $0.hasSuffix(".pcapng") }.sorted()
    }

    @Test(.enabled(if: LabCaptureTests.available, "no lab captures on this machine"))
    func everyLabCaptureReads() throws {
        #expect(!Self.files.isEmpty)
        for name in Self.files {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.directory)/\(name)"))
            let (payloads, statistics) = try CaptureFileReader.readAll(bytes: [UInt8](data))
            let sip = payloads.filter { payload in
                let text = String(decoding: payload.bytes.readableBytesView.prefix(16), as: UTF8.self)
                return text.contains("SIP/2.0") || text.hasPrefix("INVITE") || text.hasPrefix("OPTIONS")
                    || text.hasPrefix("REGISTER")
            }
            print(
                "lab capture \(name): packets \(statistics.packets), udp \(statistics.udpDatagrams), tcp segments "
                    + "\(statistics.tcpSegments), tcp payloads \(statistics.tcpPayloads), SIP-looking payloads "
                    + "\(sip.count), other \(statistics.notIPOrTransport), malformed \(statistics.malformed), "
                    + "unsupported link \(statistics.unsupportedLinkType)"
            )
            #expect(statistics.packets > 0, "\(name)")
            #expect(statistics.malformed == 0, "\(name)")
            #expect(statistics.unsupportedLinkType == 0, "\(name)")
        }
    }
}
