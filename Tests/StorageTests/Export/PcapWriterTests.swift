import Foundation
import Testing

@testable import Storage

@Suite struct PcapWriterTests {
    @Test func globalHeader() throws {
        let bytes = PcapWriter().bytes
        #expect(bytes.count == 24)
        #expect(Array(bytes[0..<4]) == [0x4d, 0x3c, 0xb2, 0xa1])
        let reader = try PcapReader(bytes)
        #expect(reader.header.magic == 0xa1b2_3c4d)
        #expect(reader.header.major == 2 && reader.header.minor == 4)
        #expect(reader.header.snapLength == 262_144)
        #expect(reader.header.linkType == 101)
        #expect(reader.packets.isEmpty)
    }

    @Test func udpOverIPv4() throws {
        let record = Fixtures.record(Fixtures.invite(), at: 1_700_000_000_123_456_789)
        let reader = try PcapReader(PcapWriter.capture([record]))
        let packet = try #require(reader.packets.first)
        #expect(packet.seconds == 1_700_000_000)
        #expect(packet.nanoseconds == 123_456_789)
        #expect(packet.capturedLength == 20 + 8 + record.raw.count)
        #expect(packet.originalLength == packet.capturedLength)
        #expect(Array(packet.data[0..<2]) == [0x45, 0x00])
        let ip = try PcapReader.decode(packet.data)
        #expect(ip.version == 4)
        #expect(ip.protocolNumber == 17)
        #expect(ip.ipv4HeaderChecksumValid)
        #expect(ip.transportChecksumValid)
        #expect(ip.source == [198, 51, 100, 7])  // received: remote → local
        #expect(ip.destination == [192, 0, 2, 10])
        #expect(ip.sourcePort == 5070)
        #expect(ip.destinationPort == 5060)
        #expect(ip.payload == record.raw)
    }

    @Test func udpOverIPv6HasAComputedChecksum() throws {
        let record = Fixtures.record(
            Fixtures.okResponse,
            direction: .sent,
            local: TraceEndpoint(address: "2001:db8::10", port: 5060),
            remote: TraceEndpoint(address: "2001:db8:0:0:1::7", port: 5062)
        )
        let packet = try #require(try PcapReader(PcapWriter.capture([record])).packets.first)
        #expect(packet.data[0] >> 4 == 6)
        #expect(packet.capturedLength == 40 + 8 + record.raw.count)
        let ip = try PcapReader.decode(packet.data)
        // Sent: local → remote.
        #expect(ip.source == [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [0x10])
        #expect(ip.destination == [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 7])
        #expect(PcapReader.be16(packet.data, 46) != 0)
        #expect(ip.transportChecksumValid)
        #expect(ip.payload == record.raw)
    }

    @Test func tcpSequenceNumbersAdvancePerDirection() throws {
        let a = Fixtures.record(Fixtures.invite(), at: 1, transport: .tcp)
        let b = Fixtures.record(Fixtures.okResponse, at: 2, direction: .sent, transport: .tcp)
        let c = Fixtures.record(Fixtures.invite(callID: "2"), at: 3, transport: .tcp)
        let reader = try PcapReader(PcapWriter.capture([c, b, a]))  // exported in timestamp order
        let packets = try reader.packets.map { try PcapReader.decode($0.data) }
        #expect(packets.map(\.payload) == [a.raw, b.raw, c.raw])
        #expect(packets.allSatisfy { $0.protocolNumber == 6 && $0.tcpFlags == 0x18 })
        #expect(packets.allSatisfy { $0.ipv4HeaderChecksumValid && $0.transportChecksumValid })
        #expect(packets.map(\.sequence) == [1, 1, 1 + UInt32(a.raw.count)])
        #expect(packets.map(\.acknowledgement) == [1, 1 + UInt32(a.raw.count), 1 + UInt32(b.raw.count)])
    }

    @Test func largeStreamMessagesAreSplitIntoSegments() throws {
        let raw = (0..<65_536).map { UInt8(truncatingIfNeeded: $0) }
        let record = TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 0),
            direction: .received,
            transport: .tls,
            local: Fixtures.local,
            remote: Fixtures.remote,
            raw: raw,
            summary: TraceSummary(kind: .unparsed)
        )
        let packets = try PcapReader(PcapWriter.capture([record])).packets.map { try PcapReader.decode($0.data) }
        #expect(packets.count == 2)
        #expect(packets.flatMap(\.payload) == raw)
        #expect(packets.map(\.sequence) == [1, 65_001])
        #expect(packets.allSatisfy { $0.transportChecksumValid })
    }

    @Test func mixedFamiliesBecomeIPv6WithMappedAddresses() throws {
        let record = Fixtures.record(
            Fixtures.invite(),
            local: TraceEndpoint(address: "::ffff:192.0.2.10", port: 5060),
            remote: TraceEndpoint(address: "2001:db8::7", port: 5060)
        )
        let ip = try PcapReader.decode(try #require(try PcapReader(PcapWriter.capture([record])).packets.first).data)
        #expect(ip.version == 6)
        #expect(ip.destination == Array(repeating: 0, count: 10) + [0xff, 0xff, 192, 0, 2, 10])

        let mapped = Fixtures.record(Fixtures.invite(), local: TraceEndpoint(address: "::ffff:192.0.2.10", port: 1))
        let v4 = try PcapReader.decode(try #require(try PcapReader(PcapWriter.capture([mapped])).packets.first).data)
        #expect(v4.version == 4)
        #expect(v4.destination == [192, 0, 2, 10])
    }

    @Test(
        arguments: [
            ("192.0.2.1", [192, 0, 2, 1]),
            ("::1", Array(repeating: 0, count: 15) + [1]),
            ("::", Array(repeating: 0, count: 16)),
            ("fe80::1%eth0", [0xfe, 0x80] + Array(repeating: 0, count: 13) + [1]),
            ("1:2:3:4:5:6:7:8", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]),
            ("::ffff:1.2.3.4", Array(repeating: 0, count: 10) + [0xff, 0xff, 1, 2, 3, 4]),
        ] as [(String, [UInt8])]
    )
    func addressParsing(_ text: String, _ bytes: [UInt8]) {
        #expect(IPAddressBytes.parse(text) == bytes)
    }

    @Test(arguments: ["", "1.2.3", "256.1.1.1", "1.2.3.4.5", ":::", "1::2::3", "12345::", "host.example"])
    func badAddressesDoNotParse(_ text: String) {
        #expect(IPAddressBytes.parse(text) == nil)
    }

    @Test func writesAFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let path = directory.file("out.pcap")
        let records = [Fixtures.record(Fixtures.invite(), at: 2), Fixtures.record(Fixtures.okResponse, at: 1)]
        try PcapWriter.write(records, toFile: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == PcapWriter.capture(records))
        let reader = try PcapReader(bytes)
        #expect(try reader.packets.map { try PcapReader.decode($0.data).payload } == [records[1].raw, records[0].raw])
    }

    @Test func checksumMatchesRFC1071Example() {
        // RFC 1071 §3: the sum of 0001 f203 f4f5 f6f7 is ddf2 (before complement).
        #expect(PacketBuilder.checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]) == ~UInt16(0xddf2))
    }
}
