import NIOCore
import SDP
import Testing

@Suite struct SDPLimitsTests {
    @Test func defaults() {
        let limits = SDPLimits()
        #expect(limits.maximumBodySize == 65_536)
        #expect(limits.maximumLineCount == 1_024)
        #expect(limits.maximumLineLength == 4_096)
        #expect(limits.maximumMediaSections == 64)
        #expect(limits.maximumAttributesPerSection == 256)
        #expect(limits.maximumFormatsPerMedia == 128)
        #expect(limits.maximumAnomalies == 256)
    }

    @Test func tooManyLinesStopsTheParse() throws {
        var lines = SDPFixtures.typicalOfferLines
        lines += Array(repeating: "a=ptime:20", count: 2_000)
        let sdp = try SDPParser.parse(SDPFixtures.body(lines), limits: SDPLimits(maximumAttributesPerSection: 5_000))
        #expect(sdp.lines.count == 1_024)
        #expect(sdp.media[0].attributes.count == 4 + 1_024 - SDPFixtures.typicalOfferLines.count)
        #expect(sdp.anomalies.map(\.code) == [.tooManyLines])
        let lineLength = "a=ptime:20\r\n".utf8.count
        #expect(sdp.anomalies.first?.offset == SDPFixtures.typicalOffer.count + (1_024 - 10) * lineLength)
    }

    @Test func aHugeLineIsKeptAsEvidenceButSkipped() throws {
        var lines = SDPFixtures.typicalOfferLines
        lines.insert("i=" + String(repeating: "A", count: 60_000), at: 3)
        let sdp = try SDPParser.parse(SDPFixtures.body(lines))
        #expect(sdp.information == nil)
        #expect(sdp.lines[3].value.readableBytes == 60_000)
        #expect(sdp.anomalies.map(\.code) == [.oversizeField])
        #expect(sdp.anomalies.first?.offset == 5 + 47 + 8)
        #expect(sdp.media.count == 1)
    }

    @Test func tenThousandMediaLinesAreBounded() throws {
        var lines = Array(SDPFixtures.typicalOfferLines.prefix(5))
        lines += Array(repeating: "m=audio 4000 RTP/AVP 0", count: 10_000)
        let bytes = SDPFixtures.body(lines)
        #expect(bytes.count < 262_144)
        let sdp = try SDPParser.parse(bytes, limits: SDPLimits(maximumBodySize: 262_144))
        #expect(sdp.media.count == 64)
        #expect(sdp.lines.count == 1_024)
        let codes = sdp.anomalies.map(\.code)
        #expect(codes.filter { $0 == .tooManyMedia }.count == 1)
        #expect(codes.filter { $0 == .tooManyLines }.count == 1)
        #expect(codes.count == 2)
    }

    @Test func tooManyFormatsAreTruncated() throws {
        let formats = (0..<300).map { String($0 % 128) }.joined(separator: " ")
        var lines = Array(SDPFixtures.typicalOfferLines.prefix(5))
        lines.append("m=audio 4000 RTP/AVP " + formats)
        let sdp = try SDPParser.parse(SDPFixtures.body(lines))
        #expect(sdp.media[0].formats.count == 128)
        #expect(sdp.anomalies.map(\.code) == [.tooManyFormats])
    }

    @Test func tooManyAttributesPerSectionAreSkippedPerSection() throws {
        var lines = Array(SDPFixtures.typicalOfferLines.prefix(5))
        lines += Array(repeating: "a=x-session", count: 300)
        lines.append("m=audio 4000 RTP/AVP 0")
        lines += Array(repeating: "a=x-media", count: 300)
        let sdp = try SDPParser.parse(SDPFixtures.body(lines))
        #expect(sdp.attributes.count == 256)
        #expect(sdp.media[0].attributes.count == 256)
        #expect(sdp.anomalies.map(\.code) == [.tooManyAttributes, .tooManyAttributes])
    }

    @Test func zeroAndNegativeLimitsNeverTrap() throws {
        let limits = SDPLimits(
            maximumBodySize: 100_000,
            maximumLineCount: -1,
            maximumLineLength: -5,
            maximumMediaSections: -1,
            maximumAttributesPerSection: 0,
            maximumFormatsPerMedia: -3,
            maximumAnomalies: -1
        )
        let sdp = try SDPParser.parse(SDPFixtures.typicalOffer, limits: limits)
        #expect(sdp.lines.isEmpty)
        #expect(sdp.media.isEmpty)
        #expect(sdp.anomalies.map(\.code) == [.tooManyAnomalies])
        #expect(throws: SDPParseError.self) {
            _ = try SDPParser.parse(SDPFixtures.typicalOffer, limits: SDPLimits(maximumBodySize: -1))
        }
    }
}
