import CaptureFile
import CaptureFileTestSupport
import NIOCore

/// Addresses, messages and a reading helper shared by the capture tests.
enum Fixtures {
    static let clientV4: [UInt8] = [192, 0, 2, 10]
    static let serverV4: [UInt8] = [198, 51, 100, 5]
    static let clientV6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1]
    static let serverV6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 5) + [2]

    static let options = Array("OPTIONS sip:100@198.51.100.5 SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)

    /// A UDP/IPv4 SIP datagram from the client to port 5060.
    static func udpV4(_ payload: [UInt8] = Fixtures.options) -> [UInt8] {
        FrameBuilder.ipv4(
            source: Self.clientV4,
            destination: Self.serverV4,
            protocol: 17,
            FrameBuilder.udp(sourcePort: 5062, destinationPort: 5060, payload)
        )
    }

    /// A TCP/IPv4 segment from the client to port 5060.
    static func tcpV4(
        sequence: UInt32,
        _ payload: [UInt8],
        flags: FrameBuilder.TCPFlags = [.ack, .psh]
    ) -> [UInt8] {
        FrameBuilder.ethernet(
            etherType: 0x0800,
            FrameBuilder.ipv4(
                source: Self.clientV4,
                destination: Self.serverV4,
                protocol: 6,
                FrameBuilder.tcp(sourcePort: 40_000, destinationPort: 5060, sequence: sequence, flags: flags, payload)
            )
        )
    }

    /// Reads every payload of `bytes`.
    static func read(
        _ bytes: [UInt8],
        limits: CaptureFileLimits = CaptureFileLimits()
    ) throws(CaptureFileError) -> (payloads: [CapturedPayload], statistics: CaptureStatistics) {
        try CaptureFileReader.readAll(bytes: bytes, limits: limits)
    }

    /// Payload bytes as an array.
    static func bytes(_ payload: CapturedPayload) -> [UInt8] {
        Array(payload.bytes.readableBytesView)
    }

    /// A pcap file over Ethernet with these frames.
    static func pcap(_ frames: [[UInt8]], linkType: UInt32 = 1) -> [UInt8] {
        var writer = PcapWriter(linkType: linkType)
        for (index, frame) in frames.enumerated() {
            writer.record(frame, timestamp: Int64(index) * 1_000)
        }
        return writer.bytes
    }
}
