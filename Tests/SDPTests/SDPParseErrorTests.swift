import NIOCore
import SDP
import Testing

@Suite struct SDPParseErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var code: SDPParseError.Code
        var offset: Int
        var testDescription: String { self.name }
    }

    static let cases: [Case] = [
        Case(name: "empty", bytes: [], code: .empty, offset: 0),
        Case(name: "blank lines only", bytes: Array("\r\n\r\n  \n\t\r\n".utf8), code: .empty, offset: 0),
        Case(name: "binary garbage", bytes: [0x00, 0xFF, 0x13, 0x37, 0x80, 0x01], code: .notSDP, offset: 0),
        Case(
            name: "a SIP request line",
            bytes: Array("INVITE sip:100@example.com SIP/2.0\r\n".utf8),
            code: .notSDP,
            offset: 0
        ),
        Case(name: "JSON", bytes: Array("{\"v\": 0}".utf8), code: .notSDP, offset: 0),
        Case(name: "garbage after blank lines", bytes: Array("\r\n\r\n<html>\r\n".utf8), code: .notSDP, offset: 4),
        Case(name: "letter without =", bytes: Array("v0\r\no=x\r\n".utf8), code: .notSDP, offset: 0),
        Case(name: "digit before =", bytes: Array("1=0\r\n".utf8), code: .notSDP, offset: 0),
    ]

    @Test(arguments: Self.cases)
    func unstructurableInputThrows(_ testCase: Case) {
        #expect {
            _ = try SDPParser.parse(testCase.bytes)
        } throws: { error in
            guard let error = error as? SDPParseError else {
                return false
            }
            return error.code == testCase.code && error.offset == testCase.offset
        }
    }

    @Test func typedThrowsCarryTheOffendingBytes() {
        do {
            _ = try SDPParser.parse(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notSDP)
            #expect(error.offendingBytes == Array("GET / HTTP/1.1".utf8))
            #expect(error.description == "SDPParseError.not-sdp at 0: the first line is not of the form <type>=<value>")
        }
    }

    @Test func offendingBytesAreBounded() {
        do {
            _ = try SDPParser.parse([UInt8](repeating: 0xAB, count: 10_000))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notSDP)
            #expect(error.offendingBytes.count == SDPParseError.maximumOffendingBytes)
        }
    }

    @Test func tooLargeBodiesThrowBeforeAnyCopy() {
        let limits = SDPLimits(maximumBodySize: 16)
        #expect(throws: SDPParseError.self) {
            _ = try SDPParser.parse(SDPFixtures.typicalOffer, limits: limits)
        }
        do {
            _ = try SDPParser.parse(ByteBuffer(bytes: SDPFixtures.typicalOffer), limits: limits)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.offset == 16)
        }
    }

    @Test func codesAreKebabCase() {
        #expect(SDPParseError.Code.empty.rawValue == "empty")
        #expect(SDPParseError.Code.notSDP.rawValue == "not-sdp")
        #expect(SDPParseError.Code.tooLarge.rawValue == "too-large")
        #expect(SDPParseError.Code.tooLarge.description == "too-large")
    }

    @Test func aValidFirstLineIsEnoughToStructure() throws {
        // One well-formed line, no line ending: every required line but v= is missing, yet it is SDP.
        let sdp = try SDPParser.parse(Array("v=0".utf8))
        #expect(sdp.version == 0)
        #expect(
            sdp.anomalies.map(\.code) == [.unterminatedLine, .missingOrigin, .missingSessionName, .missingTiming]
        )
    }
}
