import CaptureFile
import CaptureFileTestSupport
import NIOCore
import Testing

/// Broken and hostile files: each must end in a typed error with the right offset, or in skipped packets, and
/// never in a trap.
@Suite struct HostileInputTests {
    static func code(of bytes: [UInt8]) -> CaptureFileError? {
        do {
            _ = try Fixtures.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func notACapture() {
        #expect(Self.code(of: [])?.code == .unknownFormat)
        #expect(Self.code(of: Array("GET / HTTP/1.1\r\n".utf8))?.code == .unknownFormat)
    }

    @Test func truncatedPcapHeadersAndRecords() {
        let file = Fixtures.pcap([Fixtures.udpV4()], linkType: 101)
        #expect(Self.code(of: Array(file[..<10]))?.code == .truncated)
        let cutHeader = Self.code(of: Array(file[..<30]))
        #expect(cutHeader?.code == .truncated)
        #expect(cutHeader?.offset == 24)
        let cutData = Self.code(of: Array(file.dropLast()))
        #expect(cutData?.code == .truncated)
        #expect(cutData?.offset == 24)
    }

    @Test func absurdPcapLengths() {
        var writer = PcapWriter(linkType: 101)
        writer.record(Fixtures.udpV4(), capturedLength: 0xFFFF_FFFF)
        let error = Self.code(of: writer.bytes)
        #expect(error?.code == .invalidLength)
        #expect(error?.offset == 24)
        var version = PcapWriter(linkType: 1).bytes
        version[4] = 9
        #expect(Self.code(of: version)?.code == .unsupportedVersion)
    }

    @Test func pcapngBlockLengthsThatWouldLoopOrOverrun() {
        for length: UInt32 in [0, 4, 8, 13, 0x7FFF_FFFC, 0xFFFF_FFFF] {
            var writer = PcapngWriter()
            writer.section()
            writer.raw(writer.encode(UInt32(6)) + writer.encode(length) + [UInt8](repeating: 0, count: 16))
            let error = Self.code(of: writer.bytes)
            #expect(error?.code == .invalidLength || error?.code == .truncated, "length \(length)")
            #expect(error?.offset == 28, "length \(length)")
        }
    }

    @Test func pcapngStructuralLies() {
        var trailing = PcapngWriter()
        trailing.section()
        trailing.raw(trailing.encode(UInt32(1)) + trailing.encode(UInt32(20)) + [1, 0, 0, 0, 0, 0, 0, 0])
        trailing.raw(trailing.encode(UInt32(24)))
        #expect(Self.code(of: trailing.bytes)?.code == .invalidBlock)

        var unknownInterface = PcapngWriter()
        unknownInterface.section()
        unknownInterface.enhancedPacket(Fixtures.udpV4(), interface: 3)
        #expect(Self.code(of: unknownInterface.bytes)?.code == .unknownInterface)

        var option = PcapngWriter()
        option.section()
        option.block(
            type: 1,
            body: option.encode(UInt16(1)) + [0, 0, 0, 0, 0, 0] + option.encode(UInt16(2)) + option.encode(UInt16(400))
        )
        #expect(Self.code(of: option.bytes)?.code == .invalidOption)

        var resolution = PcapngWriter()
        resolution.section()
        resolution.interface(linkType: 1, resolution: 40)
        #expect(Self.code(of: resolution.bytes)?.code == .invalidOption)

        var magic = PcapngWriter()
        magic.section()
        magic.raw([])
        var bytes = magic.bytes
        bytes[8] = 0x99
        #expect(Self.code(of: bytes)?.code == .invalidBlock)

        var captured = PcapngWriter()
        captured.section()
        captured.interface(linkType: 101)
        var body = captured.encode(UInt32(0)) + captured.encode(UInt32(0)) + captured.encode(UInt32(0))
        body += captured.encode(UInt32(5_000)) + captured.encode(UInt32(5_000)) + [1, 2, 3, 4]
        captured.block(type: 6, body: body)
        #expect(Self.code(of: captured.bytes)?.code == .invalidLength)
    }

    @Test func tooManyInterfaces() throws {
        var writer = PcapngWriter()
        writer.section()
        for _ in 0..<5 {
            writer.interface(linkType: 1)
        }
        do {
            _ = try Fixtures.read(writer.bytes, limits: CaptureFileLimits(maximumInterfaces: 4))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }

    @Test func brokenPacketsInsideASoundFileAreSkipped() throws {
        let broken: [[UInt8]] = [
            [0x45],  // IPv4 cut after one byte
            [0x4F] + [UInt8](repeating: 0, count: 19),  // IHL 60 bytes in a 20-byte packet
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 17,
                [0, 1, 0, 2, 0xFF, 0xFF, 0, 0]
            ),
            FrameBuilder.ipv4(
                source: Fixtures.clientV4,
                destination: Fixtures.serverV4,
                protocol: 6,
                [0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0xF0, 0]
            ),
            [0x60] + [UInt8](repeating: 0, count: 10),
            Fixtures.udpV4(),
        ]
        let (payloads, statistics) = try Fixtures.read(Fixtures.pcap(broken, linkType: 101))
        #expect(payloads.count == 1)
        #expect(statistics.malformed == 5)
    }

    /// Seeded random mutations of valid files: reading must end (with payloads or an error), never trap or hang.
    @Test(arguments: 0..<4)
    func randomMutationsNeverTrap(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var pcapng = PcapngWriter()
        pcapng.section()
        pcapng.interface(linkType: 1, resolution: 9)
        pcapng.enhancedPacket(FrameBuilder.ethernet(etherType: 0x0800, Fixtures.udpV4()), ticks: 5)
        pcapng.enhancedPacket(Fixtures.tcpV4(sequence: 1, Fixtures.options))
        let seeds = [Fixtures.pcap([Fixtures.udpV4(), Fixtures.udpV4()], linkType: 101), pcapng.bytes]
        for _ in 0..<300 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) {
                bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator))
            }
            _ = try? CaptureFileReader.readAll(bytes: bytes)
        }
    }
}

/// A seeded generator for reproducible mutations.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
