import NIOCore
import Recon
import ReconTestSupport
import Testing

@Suite struct DNSCodecTests {
    static let sample = DNSMessage(
        id: 0x1234,
        flags: .init(isResponse: true, isAuthoritative: true),
        questions: [DNSQuestion(name: .test("lab.test"), type: .naptr)],
        answers: [
            .make("pbx.lab.test", .address(.v4(10, 77, 0, 10))),
            .make("pbx.lab.test", .address(IPAddress("2001:db8::10")!)),
            .make("140.0.77.10.in-addr.arpa", .pointer(.test("attacker-b.lab.test"))),
            .make("www.lab.test", .canonicalName(.test("pbx.lab.test"))),
            .make(
                "_sip._udp.lab.test",
                .service(SRVRecord(priority: 10, weight: 60, port: 5060, target: .test("pbx.lab.test")))
            ),
            .make(
                "lab.test",
                .namingAuthority(
                    NAPTRRecord(
                        order: 10,
                        preference: 50,
                        flags: "s",
                        services: "SIP+D2U",
                        regexp: "",
                        replacement: .test("_sip._udp.lab.test")
                    )
                )
            ),
            .make("lab.test", .text([Array("v=lab".utf8), Array("second".utf8)])),
        ]
    )

    @Test(arguments: [true, false]) func roundTrip(compress: Bool) throws {
        let encoded = DNSMessageWriter.encode(Self.sample, compress: compress)
        #expect(try DNSMessageDecoder().decode(encoded) == Self.sample)
    }

    @Test func queryEncoding() throws {
        let query = DNSMessageEncoder.encodeQuery(id: 7, question: DNSQuestion(name: .test("a.b"), type: .a))
        #expect(Array(query.readableBytesView) == [0, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 97, 1, 98, 0, 0, 1, 0, 1])
    }

    @Test func compressionLoopIsRejected() {
        // Header with one question whose name is a pointer to itself (offset 12).
        let bytes: [UInt8] = [0, 1, 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1]
        #expect(throws: DNSError.self) { try DNSMessageDecoder().decode(bytes) }
        do {
            _ = try DNSMessageDecoder().decode(bytes)
        } catch {
            #expect(error.code == .badPointer)
        }
    }

    @Test func forwardPointerIsRejected() {
        let bytes: [UInt8] = [0, 1, 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 14, 1, 97, 0, 0, 1, 0, 1]
        #expect(throws: DNSError.self) { try DNSMessageDecoder().decode(bytes) }
    }

    @Test func hugeCountsAreRejected() {
        let bytes: [UInt8] = [0, 1, 0x81, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0]
        do {
            _ = try DNSMessageDecoder().decode(bytes)
            Issue.record("decoded a message claiming 65535 answers")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }

    @Test func everyTruncationFailsCleanly() throws {
        let full = Array(DNSMessageWriter.encode(Self.sample).readableBytesView)
        for length in 0..<full.count {
            #expect(throws: DNSError.self) { try DNSMessageDecoder().decode(Array(full.prefix(length))) }
        }
    }

    @Test func badAddressLengthIsRejected() {
        var buffer = DNSMessageWriter.encode(
            DNSMessage(id: 1, flags: .init(isResponse: true), answers: [.make("a.b", .other([1, 2, 3]))])
        )
        // Patch the type (at offset 12 + 5 name bytes) from 65280 to A.
        buffer.setInteger(UInt16(1), at: 12 + 5)
        #expect(throws: DNSError.self) { try DNSMessageDecoder().decode(buffer) }
    }

    @Test func hostNameValidation() {
        #expect((try? DNSName(validating: "pbx.lab.test.")) == .test("pbx.lab.test"))
        #expect((try? DNSName(validating: "_sip._udp.lab.test")) != nil)
        for bad in [
            "", "a..b", "evil\r\n.test", "a b.test", "[::1]", "ä.test", String(repeating: "a", count: 64) + ".test",
            Array(repeating: "abcdefghi", count: 26).joined(separator: "."),
        ] {
            #expect((try? DNSName(validating: bad)) == nil, "accepted \(bad.debugDescription)")
        }
    }

    @Test func namesCompareCaseInsensitively() {
        #expect(DNSName.test("PBX.Lab.Test") == .test("pbx.lab.test"))
        #expect(DNSName.test("PBX.Lab.Test").hashValue == DNSName.test("pbx.lab.test").hashValue)
    }

    @Test func reverseNames() {
        #expect(ReverseName.name(for: .v4(10, 77, 0, 140)).description == "140.0.77.10.in-addr.arpa")
        let v6 = ReverseName.name(for: IPAddress("2001:db8::1")!).description
        #expect(v6 == "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")
    }

    @Test func ipAddressParsing() {
        #expect(IPAddress("10.77.0.140") == .v4(10, 77, 0, 140))
        #expect(IPAddress("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddress("::ffff:10.0.0.1")?.description == "::ffff:a00:1")
        #expect(IPAddress("::")?.description == "::")
        for bad in ["256.1.1.1", "1.2.3", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "1::2::3", "::g", ":1::", "1.2.3.4 "] {
            #expect(IPAddress(bad) == nil, "accepted \(bad)")
        }
    }
}
