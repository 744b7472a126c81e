import CaptureFile
import CaptureFileTestSupport
import NIOCore
import Testing

@Suite struct PcapTests {
    static let timestamp: Int64 = 1_700_000_000_123_456_789

    @Test(arguments: [Endianness.little, .big], [false, true])
    func udpOverEthernetInEitherOrderAndResolution(endianness: Endianness, nanoseconds: Bool) throws {
        var writer = PcapWriter(linkType: 1, endianness: endianness, nanoseconds: nanoseconds)
        writer.record(FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4()), timestamp: Self.timestamp)
        let (payloads, statistics) = try Fixtures.read(writer.bytes)
        try #require(payloads.count == 1)
        let payload = payloads[0]
        #expect(payload.transport == .udp)
        #expect(payload.source == CaptureEndpoint(address: "192.0.2.10", port: 5062))
        #expect(payload.destination == CaptureEndpoint(address: "198.51.100.5", port: 5060))
        #expect(Fixtures.bytes(payload) == Fixtures.options)
        #expect(payload.timestamp == (nanoseconds ? Self.timestamp : Self.timestamp / 1_000 * 1_000))
        #expect(statistics.packets == 1)
        #expect(statistics.udpDatagrams == 1)
    }

    @Test func everyLinkType() throws {
        let ip = Fixtures.udpV4()
        let cases: [(UInt32, [UInt8])] = [
            (0, FrameBuilder.null(family: 2, littleEndian: true, ip)),
            (0, FrameBuilder.null(family: 2, littleEndian: false, ip)),
            (108, FrameBuilder.null(family: 2, littleEndian: false, ip)),
            (1, FrameBuilder.ethernet(etherType: 0x0800, ip, vlanTags: 2)),
            (101, ip),
            (228, ip),
            (113, FrameBuilder.sll(protocol: 0x0800, ip)),
            (276, FrameBuilder.sll2(protocol: 0x0800, ip)),
        ]
        for (linkType, frame) in cases {
            let (payloads, _) = try Fixtures.read(Fixtures.pcap([frame], linkType: linkType))
            #expect(payloads.count == 1, "link type \(linkType)")
            #expect(payloads.first.map(Fixtures.bytes) == Fixtures.options, "link type \(linkType)")
        }
    }

    @Test func otherTrafficIsCountedNotYielded() throws {
        let arp = FrameBuilder.ethernet(etherType: 0x0806, [UInt8](repeating: 0, count: 28))
        let icmp = FrameBuilder.ethernet(
            etherType: 0x0800,
            FrameBuilder.ipv4(source: Fixtures.clientV4, destination: Fixtures.serverV4, protocol: 1, [8, 0, 0, 0])
        )
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap([arp, icmp]))
        #expect(payloads.isEmpty)
        #expect(statistics.notIPOrTransport == 2)
        let (_, unsupported) = try Fixtures.read(Fixtures.pcap([Fixtures.udpV4()], linkType: 147))
        #expect(unsupported.unsupportedLinkType == 1)
    }

    @Test func ethernetPaddingIsCutByTheIPLength() throws {
        let frame = FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4([1, 2, 3])) + [0, 0, 0, 0, 0, 0]
        let (payloads, _) = try Fixtures.read(Fixtures.pcap([frame]))
        #expect(payloads.first.map(Fixtures.bytes) == [1, 2, 3])
    }
}
