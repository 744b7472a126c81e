import CaptureFile
import CaptureFileTestSupport
import NIOCore
import Testing

@Suite struct PcapngTests {
    @Test(arguments: [Endianness.little, .big])
    func enhancedAndSimplePacketsOverSeveralInterfaces(endianness: Endianness) throws {
        var writer = PcapngWriter()
        writer.section(endianness: endianness)
        writer.interface(linkType: 1)
        writer.interface(linkType: 101, resolution: 9)
        writer.interface(linkType: 113, resolution: 0x80 | 10, offsetSeconds: 100)
        writer.block(type: 4, body: [0, 0, 0, 0])  // name resolution: skipped
        writer.block(type: 0x0BAD, body: [1, 2, 3])  // custom / unknown: skipped
        writer.enhancedPacket(
            FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4()),
            interface: 0,
            ticks: 1_500_000
        )
        writer.enhancedPacket(Fixtures.udpV4(), interface: 1, ticks: 2_000_000_001)
        writer.enhancedPacket(FrameBuilder.sll(protocol: 0x0800, Fixtures.udpV4()), interface: 2, ticks: 1_024 + 512)
        writer.simplePacket(FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4()))
        let (payloads, statistics) = try Fixtures.read(writer.bytes)
        try #require(payloads.count == 4)
        #expect(payloads.allSatisfy { Fixtures.bytes($0) == Fixtures.options })
        #expect(payloads[0].timestamp == 1_500_000_000)
        #expect(payloads[1].timestamp == 2_000_000_001)
        #expect(payloads[2].timestamp == 101_500_000_000)
        #expect(payloads[3].timestamp == nil)
        #expect(statistics.skippedBlocks == 2)
        #expect(statistics.packets == 4)
    }

    @Test func aNewSectionResetsInterfacesAndByteOrder() throws {
        var writer = PcapngWriter()
        writer.section(endianness: .little)
        writer.interface(linkType: 1)
        writer.enhancedPacket(FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4()))
        writer.section(endianness: .big)
        writer.interface(linkType: 101)
        writer.enhancedPacket(Fixtures.udpV4())
        let (payloads, _) = try Fixtures.read(writer.bytes)
        #expect(payloads.count == 2)

        var stale = PcapngWriter()
        stale.section()
        stale.interface(linkType: 1)
        stale.section()
        stale.enhancedPacket(Fixtures.udpV4())
        #expect(throws: CaptureFileError.self) {
            try Fixtures.read(stale.bytes)
        }
    }

    @Test func snapLengthBoundsSimplePackets() throws {
        var writer = PcapngWriter()
        writer.section()
        writer.interface(linkType: 101, snapLength: 30)
        writer.simplePacket(Fixtures.udpV4())
        let (payloads, statistics) = try Fixtures.read(writer.bytes)
        #expect(payloads.isEmpty)
        #expect(statistics.malformed == 1)
    }
}
