import CaptureFile
import CaptureFileTestSupport
import Testing

@Suite struct TCPStreamTests {
    static let first = Array("INVITE sip:a@b SIP/2.0\r\nContent-Length: 4\r\n\r\nbody".utf8)
    static let second = Array("BYE sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)

    /// The stream bytes of every TCP payload, concatenated.
    static func stream(_ payloads: [CapturedPayload]) -> [UInt8] {
        payloads.filter { $0.transport == .tcp }.flatMap(Fixtures.bytes)
    }

    @Test func segmentsInOrderAfterTheHandshake() throws {
        let whole = Self.first + Self.second
        let frames = [
            Fixtures.tcpV4(sequence: 999, [], flags: .syn),
            Fixtures.tcpV4(sequence: 1_000, Array(whole[..<30])),
            Fixtures.tcpV4(sequence: 1_030, Array(whole[30...])),
            Fixtures.tcpV4(sequence: UInt32(1_000 + whole.count), [], flags: [.fin, .ack]),
        ]
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(frames))
        #expect(Self.stream(payloads) == whole)
        #expect(payloads.allSatisfy { $0.source.port == 40_000 && $0.destination.port == 5060 })
        #expect(statistics.tcpSegments == 4)
    }

    @Test func outOfOrderAndRetransmittedSegments() throws {
        let whole = Self.first + Self.second
        let frames = [
            Fixtures.tcpV4(sequence: 0, [], flags: .syn),
            Fixtures.tcpV4(sequence: 41, Array(whole[40...])),  // ahead: waits
            Fixtures.tcpV4(sequence: 21, Array(whole[20..<40])),  // ahead: waits
            Fixtures.tcpV4(sequence: 1, Array(whole[..<25])),  // fills the gap, overlaps the next
            Fixtures.tcpV4(sequence: 1, Array(whole[..<10])),  // retransmission
        ]
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(frames))
        #expect(Self.stream(payloads) == whole)
        #expect(payloads.count == 1)
        #expect(statistics.tcpBytesRetransmitted == 5 + 10)
    }

    @Test func aStreamPickedUpInTheMiddle() throws {
        let frames = [
            Fixtures.tcpV4(sequence: 5_000, Self.first),
            Fixtures.tcpV4(sequence: UInt32(5_000 + Self.first.count), Self.second),
        ]
        let (payloads, _) = try Fixtures.read(Fixtures.pcap(frames))
        #expect(Self.stream(payloads) == Self.first + Self.second)
    }

    @Test func sequenceNumbersWrapAround() throws {
        let start = UInt32.max - 9
        let frames = [
            Fixtures.tcpV4(sequence: start, Array(Self.first[..<10])),
            Fixtures.tcpV4(sequence: 0, Array(Self.first[10...])),
        ]
        let (payloads, _) = try Fixtures.read(Fixtures.pcap(frames))
        #expect(Self.stream(payloads) == Self.first)
    }

    @Test func dataBeyondTheWindowIsDroppedAndCounted() throws {
        let limits = CaptureFileLimits(maximumFlowBufferBytes: 1_000, maximumSegmentsPerFlow: 2)
        let frames = [
            Fixtures.tcpV4(sequence: 0, [], flags: .syn),
            Fixtures.tcpV4(sequence: 5_000, [1, 2, 3]),  // beyond the window
            Fixtures.tcpV4(sequence: 100, [4]),
            Fixtures.tcpV4(sequence: 200, [5]),
            Fixtures.tcpV4(sequence: 300, [6]),  // a third waiting segment: over the segment limit
        ]
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(frames), limits: limits)
        #expect(payloads.isEmpty)
        #expect(statistics.tcpBytesDropped == 4)
    }

    @Test func flowsAreBounded() throws {
        let frames = (0..<50).map { index in
            FrameBuilder.ipv4(
                source: [10, 0, 0, UInt8(index)],
                destination: Fixtures.serverV4,
                protocol: 6,
                FrameBuilder.tcp(sourcePort: 1_000, destinationPort: 5060, sequence: 10, flags: .syn)
            )
        }
        let limits = CaptureFileLimits(maximumFlows: 16)
        let (_, statistics) = try Fixtures.read(Fixtures.pcap(frames, linkType: 101), limits: limits)
        #expect(statistics.flowsEvicted >= 34)
    }

    @Test func resetForgetsTheFlow() throws {
        let frames = [
            Fixtures.tcpV4(sequence: 0, [], flags: .syn),
            Fixtures.tcpV4(sequence: 10, [1]),  // waits for bytes 1...9
            Fixtures.tcpV4(sequence: 0, [], flags: .rst),
            Fixtures.tcpV4(sequence: 700, [2, 3]),  // a new pick-up
        ]
        let (payloads, _) = try Fixtures.read(Fixtures.pcap(frames))
        #expect(Self.stream(payloads) == [2, 3])
    }

    @Test func tcpOptionsAreSkipped() throws {
        let frame = FrameBuilder.ethernet(
            etherType: 0x0800,
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 6,
                FrameBuilder.tcp(sourcePort: 1, destinationPort: 5060, sequence: 7, Self.second, optionWords: 3)
            )
        )
        let (payloads, _) = try Fixtures.read(Fixtures.pcap([frame]))
        #expect(Self.stream(payloads) == Self.second)
    }
}
