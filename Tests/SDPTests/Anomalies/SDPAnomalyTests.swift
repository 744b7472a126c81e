import SDP
import Testing

/// One body that must produce one anomaly code (and, where given, at that offset).
struct AnomalyCase: Sendable, CustomTestStringConvertible {
    var code: SDPAnomaly.Code
    var bytes: [UInt8]
    var limits = SDPLimits()
    var offset: Int? = nil
    var name: String

    var testDescription: String {
        "\(self.code): \(self.name)"
    }

    init(_ code: SDPAnomaly.Code, _ name: String, _ lines: [String], offset: Int? = nil, limits: SDPLimits = .init()) {
        self.init(code, name, bytes: SDPFixtures.body(lines), offset: offset, limits: limits)
    }

    init(_ code: SDPAnomaly.Code, _ name: String, bytes: [UInt8], offset: Int? = nil, limits: SDPLimits = .init()) {
        self.code = code
        self.name = name
        self.bytes = bytes
        self.offset = offset
        self.limits = limits
    }
}

/// Valid lines to build cases from.
private let v = "v=0"
private let o = "o=- 1 1 IN IP4 192.0.2.1"
private let s = "s=-"
private let c = "c=IN IP4 192.0.2.1"
private let t = "t=0 0"
private let m = "m=audio 4000 RTP/AVP 0"
/// The offset just after the valid lines `v o s` (each ends in CRLF).
private let afterVOS = [v, o, s].reduce(0) { $0 + $1.utf8.count + 2 }
/// The offset just after the valid lines `v o s c t`.
private let afterSession = [v, o, s, c, t].reduce(0) { $0 + $1.utf8.count + 2 }

extension AnomalyCase {
    static let all: [AnomalyCase] = [
        AnomalyCase(.missingVersion, "no v=", [o, s, c, t, m], offset: 0),
        AnomalyCase(.badVersion, "v=1", ["v=1", o, s, c, t, m], offset: 2),
        AnomalyCase(.badVersion, "v=x", ["v=x", o, s, c, t, m], offset: 2),
        AnomalyCase(.missingOrigin, "no o=", [v, s, c, t, m], offset: 5 + 5 + 20 + 7),
        AnomalyCase(.badOrigin, "five fields", [v, "o=- 1 1 IN IP4", s, c, t, m], offset: 7),
        AnomalyCase(.badOrigin, "sess-id not numeric", [v, "o=- abc 1 IN IP4 192.0.2.1", s, c, t, m], offset: 9),
        AnomalyCase(.missingSessionName, "no s=", [v, o, c, t, m]),
        AnomalyCase(.emptySessionName, "s= empty", [v, o, "s=", c, t, m], offset: afterVOS - 3),
        AnomalyCase(.missingTiming, "no t=", [v, o, s, c, m]),
        AnomalyCase(.badTiming, "t= one field", [v, o, s, c, "t=0", m]),
        AnomalyCase(.badTiming, "t= not numeric", [v, o, s, c, "t=now later", m]),
        AnomalyCase(.badTiming, "r= two fields", [v, o, s, c, t, "r=7d 1h", m], offset: afterSession + 2),
        AnomalyCase(.badTiming, "z= bad offset", [v, o, s, c, t, "z=2882844526 -1x", m]),
        AnomalyCase(.badConnection, "c= two fields", [v, o, s, "c=IN IP4", t, m], offset: afterVOS + 2),
        AnomalyCase(.badConnection, "TTL above 255", [v, o, s, "c=IN IP4 233.252.0.1/300", t, m]),
        AnomalyCase(.badConnection, "IP6 with TTL and count", [v, o, s, "c=IN IP6 ff00::1/1/2", t, m]),
        AnomalyCase(.missingConnection, "no c= anywhere", [v, o, s, t, m], offset: afterVOS + 7),
        AnomalyCase(.badBandwidth, "b= without value", [v, o, s, c, "b=AS", t, m]),
        AnomalyCase(.badBandwidth, "b= not numeric", [v, o, s, c, "b=AS:lots", t, m]),
        AnomalyCase(.badMedia, "m= two fields", [v, o, s, c, t, "m=audio 4000"], offset: afterSession + 2),
        AnomalyCase(.badMedia, "m= without formats", [v, o, s, c, t, "m=audio 4000 RTP/AVP"]),
        AnomalyCase(.badMedia, "RTP format not a number", [v, o, s, c, t, "m=audio 4000 RTP/AVP PCMU"]),
        AnomalyCase(
            .badPort,
            "port above 65535",
            [v, o, s, c, t, "m=audio 99999 RTP/AVP 0"],
            offset: afterSession + 8
        ),
        AnomalyCase(.badPort, "port not numeric", [v, o, s, c, t, "m=audio x RTP/AVP 0"]),
        AnomalyCase(.badPort, "port count zero", [v, o, s, c, t, "m=audio 4000/0 RTP/AVP 0"]),
        AnomalyCase(.badRTPMap, "no clock rate", [v, o, s, c, t, m, "a=rtpmap:0 PCMU"]),
        AnomalyCase(.badRTPMap, "no value", [v, o, s, c, t, m, "a=rtpmap"]),
        AnomalyCase(.badRTPMap, "zero clock rate", [v, o, s, c, t, m, "a=rtpmap:0 PCMU/0"]),
        AnomalyCase(.badFMTP, "no parameters", [v, o, s, c, t, "m=audio 4000 RTP/AVP 101", "a=fmtp:101"]),
        AnomalyCase(.payloadTypeOutOfRange, "m= PT 200", [v, o, s, c, t, "m=audio 4000 RTP/AVP 0 200"]),
        AnomalyCase(.payloadTypeOutOfRange, "rtpmap PT 300", [v, o, s, c, t, m, "a=rtpmap:300 X/8000"]),
        AnomalyCase(.ipv4AddressInvalid, "octet 300", [v, o, s, "c=IN IP4 300.1.1.1", t, m], offset: afterVOS + 9),
        AnomalyCase(.ipv4AddressInvalid, "IPv6 as IP4", [v, o, s, "c=IN IP4 2001:db8::1", t, m]),
        AnomalyCase(.ipv4AddressInvalid, "leading zero", [v, o, s, "c=IN IP4 192.0.2.01", t, m]),
        AnomalyCase(.ipv4AddressInvalid, "origin three octets", [v, "o=- 1 1 IN IP4 10.0.0", s, c, t, m]),
        AnomalyCase(.ipv6AddressInvalid, "three colons", [v, o, s, "c=IN IP6 2001:db8:::1", t, m]),
        AnomalyCase(.ipv6AddressInvalid, "IPv4 as IP6", [v, o, s, "c=IN IP6 192.0.2.1", t, m]),
        AnomalyCase(.ipv6AddressInvalid, "brackets", [v, o, s, "c=IN IP6 [2001:db8::1]", t, m]),
        AnomalyCase(.ipv6AddressInvalid, "nine groups", [v, o, s, "c=IN IP6 1:2:3:4:5:6:7:8:9", t, m]),
        AnomalyCase(.unknownLineType, "x=", [v, o, s, c, t, "x=hello", m], offset: afterSession),
        AnomalyCase(.unknownLineType, "uppercase V=", ["V=0", o, s, c, t, m], offset: 0),
        AnomalyCase(.malformedLine, "text line", [v, o, s, c, t, "hello world", m], offset: afterSession),
        AnomalyCase(.lineOrder, "c= after t=", [v, o, s, t, c, m], offset: afterVOS + 7),
        AnomalyCase(.lineOrder, "s= inside media", [v, o, s, c, t, m, "s=again"]),
        AnomalyCase(.lineOrder, "a= before c= in media", [v, o, s, t, m, "a=sendrecv", c]),
        AnomalyCase(.lineOrder, "r= before t=", [v, o, s, c, "r=7d 1h 0", t, m]),
        AnomalyCase(.lineOrder, "v= not first", [o, v, s, c, t, m], offset: 26),
        AnomalyCase(.duplicateLine, "two s=", [v, o, s, "s=other", c, t, m], offset: afterVOS),
        AnomalyCase(.duplicateLine, "two v=", [v, v, o, s, c, t, m], offset: 5),
        AnomalyCase(.duplicateLine, "sendrecv twice", [v, o, s, c, t, m, "a=sendrecv", "a=sendrecv"]),
        AnomalyCase(.bareLF, "LF endings", bytes: SDPFixtures.body([v, o, s, c, t, m], ending: "\n"), offset: 0),
        AnomalyCase(.unterminatedLine, "no final CRLF", bytes: SDPFixtures.body([v, o, s, c, t]) + Array(m.utf8)),
        AnomalyCase(.excessWhitespace, "two spaces in t=", [v, o, s, c, "t=0  0", m], offset: afterSession - 7 + 4),
        AnomalyCase(.excessWhitespace, "space before =", ["v =0", o, s, c, t, m], offset: 1),
        AnomalyCase(.excessWhitespace, "tab in m=", [v, o, s, c, t, "m=audio\t4000 RTP/AVP 0"]),
        AnomalyCase(.excessWhitespace, "trailing space in c=", [v, o, s, "c=IN IP4 192.0.2.1 ", t, m]),
        AnomalyCase(.emptyLine, "blank line", [v, o, s, "", c, t, m], offset: afterVOS),
        AnomalyCase(
            .invalidUTF8,
            "0xFF in s=",
            bytes: Array("v=0\r\n\(o)\r\ns=".utf8) + [0xFF] + Array("\r\n\(c)\r\n\(t)\r\n".utf8)
        ),
        AnomalyCase(
            .invalidCharacter,
            "NUL in s=",
            bytes: Array("v=0\r\n\(o)\r\ns=a".utf8) + [0] + Array("\r\n\(c)\r\n\(t)\r\n".utf8),
            offset: afterVOS - 2
        ),
        AnomalyCase(.invalidCharacter, "bare CR", [v, o, "s=a\rb", c, t, m], offset: afterVOS - 2),
        AnomalyCase(
            .oversizeField,
            "long s=",
            [v, o, "s=" + String(repeating: "x", count: 100), c, t, m],
            offset: afterVOS - 5,
            limits: SDPLimits(maximumLineLength: 64)
        ),
        AnomalyCase(
            .tooManyLines,
            "line 4 of 3",
            [v, o, s, c, t, m],
            offset: afterVOS,
            limits: SDPLimits(maximumLineCount: 3)
        ),
        AnomalyCase(
            .tooManyMedia,
            "two m= of one",
            [v, o, s, c, t, m, m],
            offset: afterSession + 24,
            limits: SDPLimits(maximumMediaSections: 1)
        ),
        AnomalyCase(
            .tooManyAttributes,
            "two a= of one",
            [v, o, s, c, t, m, "a=sendrecv", "a=ptime:20"],
            limits: SDPLimits(maximumAttributesPerSection: 1)
        ),
        AnomalyCase(
            .tooManyFormats,
            "three of two",
            [v, o, s, c, t, "m=audio 4000 RTP/AVP 0 8 18"],
            limits: SDPLimits(maximumFormatsPerMedia: 2)
        ),
        AnomalyCase(
            .tooManyAnomalies,
            "two of one",
            ["v=1", "o=x", s, c, t, m],
            limits: SDPLimits(maximumAnomalies: 1)
        ),
        AnomalyCase(.conflictingDirection, "sendonly and recvonly", [v, o, s, c, t, m, "a=sendonly", "a=recvonly"]),
        AnomalyCase(.unknownNetType, "ATM", [v, o, s, "c=ATM NSAP 47.0005.80.ffe100", t, m], offset: afterVOS + 2),
        AnomalyCase(.unknownAddrType, "IPX", [v, o, s, "c=IN IPX 0a0b", t, m], offset: afterVOS + 5),
        AnomalyCase(.rtpmapWithoutFormat, "rtpmap for 8 on m= 0", [v, o, s, c, t, m, "a=rtpmap:8 PCMA/8000"]),
        AnomalyCase(.fmtpWithoutFormat, "fmtp for 101 on m= 0", [v, o, s, c, t, m, "a=fmtp:101 0-16"]),
        AnomalyCase(.badAttribute, "empty name", [v, o, s, c, t, m, "a=:value"]),
        AnomalyCase(.badAttribute, "ptime not numeric", [v, o, s, c, t, m, "a=ptime:soon"]),
        AnomalyCase(.badAttribute, "direction with value", [v, o, s, c, t, m, "a=sendrecv:yes"]),
        AnomalyCase(.badAttribute, "rtcp port not numeric", [v, o, s, c, t, m, "a=rtcp:port"]),
        AnomalyCase(.obsoleteKey, "k=", [v, o, s, c, t, "k=clear:secret", m], offset: afterSession),
    ]
}

@Suite struct SDPAnomalyTests {
    @Test(arguments: AnomalyCase.all)
    func eachCaseProducesItsCode(_ testCase: AnomalyCase) throws {
        let sdp = try SDPParser.parse(testCase.bytes, limits: testCase.limits)
        let matching = sdp.anomalies.filter { $0.code == testCase.code }
        #expect(!matching.isEmpty, "anomalies: \(sdp.anomalies)")
        for anomaly in matching {
            #expect(anomaly.severity == testCase.code.defaultSeverity)
            #expect(!anomaly.detail.isEmpty)
        }
        if let offset = testCase.offset {
            #expect(matching.map(\.offset).contains(offset), "anomalies: \(sdp.anomalies)")
        }
        #expect(sdp.anomalies.map(\.offset) == sdp.anomalies.map(\.offset).sorted())
    }

    @Test func everyKnownCodeHasACase() {
        let covered = Set(AnomalyCase.all.map(\.code))
        #expect(Set(SDPAnomaly.Code.known).subtracting(covered) == [])
        #expect(covered.subtracting(SDPAnomaly.Code.known) == [])
    }

    @Test func codesAreUniqueKebabCase() {
        let raw = SDPAnomaly.Code.known.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in raw {
            #expect(code.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
            #expect(!code.hasPrefix("-") && !code.hasSuffix("-"))
        }
    }

    @Test func severities() {
        #expect(SDPAnomaly.Code.missingVersion.defaultSeverity == .error)
        #expect(SDPAnomaly.Code.badRTPMap.defaultSeverity == .error)
        #expect(SDPAnomaly.Code.ipv6AddressInvalid.defaultSeverity == .error)
        #expect(SDPAnomaly.Code.bareLF.defaultSeverity == .warning)
        #expect(SDPAnomaly.Code.lineOrder.defaultSeverity == .warning)
        #expect(SDPAnomaly.Code(rawValue: "from-another-module").defaultSeverity == .warning)
        #expect(SDPAnomaly.Severity.error.rawValue == "error")
        #expect(SDPAnomaly.Severity.warning.rawValue == "warning")
        let errors = SDPAnomaly.Code.known.filter { $0.defaultSeverity == .error }
        #expect(errors.count == 19)
    }

    @Test func anomalyDescription() {
        let anomaly = SDPAnomaly(code: .bareLF, detail: "3 of 3 lines end in LF alone instead of CRLF", offset: 0)
        #expect(anomaly.severity == .warning)
        #expect(anomaly.description == "warning bare-lf at 0: 3 of 3 lines end in LF alone instead of CRLF")
    }

    @Test func aMissingSessionIsReportedWhereTheSessionLevelEnds() throws {
        let sdp = try SDPParser.parse(SDPFixtures.body([v, m, c]))
        let expectedOffset = 5
        #expect(
            sdp.anomalies.map(\.code) == [.missingOrigin, .missingSessionName, .missingTiming]
        )
        #expect(sdp.anomalies.allSatisfy { $0.offset == expectedOffset })
        #expect(sdp.hasErrors)
    }

    @Test func theTooManyAnomaliesMarkerCapsTheLog() throws {
        var lines = [v, o, s, c, t, m]
        lines += Array(repeating: "x=unknown", count: 50)
        let sdp = try SDPParser.parse(SDPFixtures.body(lines), limits: SDPLimits(maximumAnomalies: 10))
        #expect(sdp.anomalies.count == 11)
        #expect(sdp.anomalies.filter { $0.code == .tooManyAnomalies }.count == 1)
        #expect(sdp.anomalies.filter { $0.code == .unknownLineType }.count == 10)
    }
}
