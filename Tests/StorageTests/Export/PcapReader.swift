/// A tiny libpcap reader for the tests: global header, record headers, and IPv4/IPv6 + UDP/TCP decoding.
struct PcapReader {
    struct Header {
        var magic: UInt32
        var major: UInt16
        var minor: UInt16
        var snapLength: UInt32
        var linkType: UInt32
    }

    struct Packet {
        var seconds: UInt32
        var nanoseconds: UInt32
        var capturedLength: Int
        var originalLength: Int
        var data: [UInt8]
    }

    struct Decoded {
        var version: Int
        var source: [UInt8]
        var destination: [UInt8]
        var protocolNumber: UInt8
        var ipv4HeaderChecksumValid: Bool
        var transportChecksumValid: Bool
        var sourcePort: UInt16
        var destinationPort: UInt16
        var sequence: UInt32?
        var acknowledgement: UInt32?
        var tcpFlags: UInt8?
        var payload: [UInt8]
    }

    enum Failure: Error { case truncated, badVersion, badLength }

    let header: Header
    let packets: [Packet]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 24 else { throw Failure.truncated }
        self.header = Header(
            magic: Self.le32(bytes, 0),
            major: UInt16(bytes[4]) | UInt16(bytes[5]) << 8,
            minor: UInt16(bytes[6]) | UInt16(bytes[7]) << 8,
            snapLength: Self.le32(bytes, 16),
            linkType: Self.le32(bytes, 20)
        )
        var packets: [Packet] = []
        var offset = 24
        while offset < bytes.count {
            guard offset + 16 <= bytes.count else { throw Failure.truncated }
            let captured = Int(Self.le32(bytes, offset + 8))
            guard offset + 16 + captured <= bytes.count else { throw Failure.truncated }
            packets.append(
                Packet(
                    seconds: Self.le32(bytes, offset),
                    nanoseconds: Self.le32(bytes, offset + 4),
                    capturedLength: captured,
                    originalLength: Int(Self.le32(bytes, offset + 12)),
                    data: Array(bytes[(offset + 16)..<(offset + 16 + captured)])
                )
            )
            offset += 16 + captured
        }
        self.packets = packets
    }

    static func decode(_ p: [UInt8]) throws -> Decoded {
        let version = Int(p[0] >> 4)
        let source: [UInt8]
        let destination: [UInt8]
        let protocolNumber: UInt8
        let segment: [UInt8]
        var headerValid = true
        var pseudo: [UInt8]
        switch version {
        case 4:
            let headerLength = Int(p[0] & 0x0f) * 4
            guard Int(be16(p, 2)) == p.count else { throw Failure.badLength }
            headerValid = Self.checksum(Array(p[0..<headerLength])) == 0
            source = Array(p[12..<16])
            destination = Array(p[16..<20])
            protocolNumber = p[9]
            segment = Array(p[headerLength...])
            pseudo = source + destination + [0, protocolNumber, UInt8(segment.count >> 8), UInt8(segment.count & 0xff)]
        case 6:
            guard Int(be16(p, 4)) + 40 == p.count else { throw Failure.badLength }
            source = Array(p[8..<24])
            destination = Array(p[24..<40])
            protocolNumber = p[6]
            segment = Array(p[40...])
            let n = UInt32(segment.count)
            pseudo = source + destination
            pseudo += [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)]
            pseudo += [0, 0, 0, protocolNumber]
        default:
            throw Failure.badVersion
        }
        let transportValid = Self.checksum(pseudo + segment) == 0
        var decoded = Decoded(
            version: version,
            source: source,
            destination: destination,
            protocolNumber: protocolNumber,
            ipv4HeaderChecksumValid: headerValid,
            transportChecksumValid: transportValid,
            sourcePort: be16(segment, 0),
            destinationPort: be16(segment, 2),
            payload: []
        )
        if protocolNumber == 17 {
            guard Int(be16(segment, 4)) == segment.count else { throw Failure.badLength }
            decoded.payload = Array(segment[8...])
        } else {
            decoded.sequence = be32(segment, 4)
            decoded.acknowledgement = be32(segment, 8)
            decoded.tcpFlags = segment[13]
            decoded.payload = Array(segment[(Int(segment[12] >> 4) * 4)...])
        }
        return decoded
    }

    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += UInt32(bytes[index]) << 8 }
        while sum > 0xffff { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }

    static func le32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    static func be16(_ b: [UInt8], _ o: Int) -> UInt16 { UInt16(b[o]) << 8 | UInt16(b[o + 1]) }

    static func be32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }
}
