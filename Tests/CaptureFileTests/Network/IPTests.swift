import CaptureFile
import CaptureFileTestSupport
import Testing

@Suite struct IPTests {
    @Test func ipv4OptionsAreSkipped() throws {
        let packet = FrameBuilder.ipv4(
            source: Fixtures.clientV4,
            destination: Fixtures.serverV4,
            protocol: 17,
            FrameBuilder.udp(sourcePort: 1, destinationPort: 2, [9, 9]),
            options: [0x94, 0x04, 0, 0, 0x01]  // router alert, NOP
        )
        let (payloads, _) = try Fixtures.read(Fixtures.pcap([packet], linkType: 101))
        #expect(payloads.first.map(Fixtures.bytes) == [9, 9])
    }

    @Test func ipv4FragmentsAreReassembledInAnyOrder() throws {
        let sip = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000)
        let datagram = FrameBuilder.udp(sourcePort: 5062, destinationPort: 5060, sip)
        let pieces = [(0, 400), (400, 400), (800, datagram.count - 800)]
        let frames = pieces.reversed().map { offset, length in
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 17,
                Array(datagram[offset..<(offset + length)]),
                identification: 77,
                fragmentOffset: offset,
                moreFragments: offset + length < datagram.count
            )
        }
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(frames, linkType: 101))
        #expect(payloads.count == 1)
        #expect(payloads.first.map(Fixtures.bytes) == sip)
        #expect(statistics.fragmentsReassembled == 1)
    }

    @Test func overlappingFragmentsDropTheDatagram() throws {
        let data = [UInt8](repeating: 1, count: 64)
        let frames = [(0, true), (8, false)].map { offset, more in
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 17,
                data,
                identification: 5,
                fragmentOffset: offset,
                moreFragments: more
            )
        }
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(frames, linkType: 101))
        #expect(payloads.isEmpty)
        #expect(statistics.fragmentedDatagramsDropped == 1)
    }

    @Test func pendingDatagramsAreBounded() throws {
        let frames = (0..<20).map { id in
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 17,
                [UInt8](repeating: 0, count: 8),
                identification: UInt16(id),
                moreFragments: true
            )
        }
        let limits = CaptureFileLimits(maximumFragmentedDatagrams: 4)
        let (_, statistics) = try Fixtures.read(Fixtures.pcap(frames, linkType: 101), limits: limits)
        #expect(statistics.fragmentedDatagramsDropped == 16)
    }

    @Test func ipv6ExtensionHeadersAreSkipped() throws {
        let packet = FrameBuilder.ipv6(
            source: Fixtures.clientV6,
            destination: Fixtures.serverV6,
            nextHeader: 17,
            FrameBuilder.udp(sourcePort: 5062, destinationPort: 5060, Fixtures.options),
            extensions: [(0, FrameBuilder.emptyOptionsHeader), (60, FrameBuilder.emptyOptionsHeader)]
        )
        let (payloads, _) = try Fixtures.read(Fixtures.pcap([FrameBuilder.ethernet(etherType: 0x86DD, packet)]))
        try #require(payloads.count == 1)
        #expect(payloads[0].source.address == "2001:db8::1")
        #expect(payloads[0].destination.address == "2001:db8::1:0:0:2")
        #expect(payloads[0].source.description == "[2001:db8::1]:5062")
        #expect(Fixtures.bytes(payloads[0]) == Fixtures.options)
    }

    @Test func ipv6FragmentsAreReassembled() throws {
        let datagram = FrameBuilder.udp(sourcePort: 5062, destinationPort: 5060, Fixtures.options)
        let split = 24
        let frames = [(0, Array(datagram[..<split]), true), (split, Array(datagram[split...]), false)].map {
            offset,
            bytes,
            more in
            FrameBuilder.ipv6(
                source: Fixtures.clientV6,
                destination: Fixtures.serverV6,
                nextHeader: 17,
                bytes,
                extensions: [(44, FrameBuilder.ipv6Fragment(offset: offset, more: more, identification: 9))]
            )
        }
        let (payloads, _) = try Fixtures.read(Fixtures.pcap(frames, linkType: 229))
        #expect(payloads.first.map(Fixtures.bytes) == Fixtures.options)
    }

    @Test func tooManyExtensionHeadersAreMalformed() throws {
        let packet = FrameBuilder.ipv6(
            source: Fixtures.clientV6,
            destination: Fixtures.serverV6,
            nextHeader: 17,
            FrameBuilder.udp(sourcePort: 1, destinationPort: 2, []),
            extensions: Array(repeating: (60, FrameBuilder.emptyOptionsHeader), count: 12)
        )
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap([packet], linkType: 101))
        #expect(payloads.isEmpty)
        #expect(statistics.malformed == 1)
    }
}
