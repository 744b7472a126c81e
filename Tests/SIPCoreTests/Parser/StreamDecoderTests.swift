import Foundation
import NIOCore
import NIOTestUtils
import SIPCore
import Testing

@Suite struct StreamDecoderTests {
    static let options =
        "OPTIONS sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5098;branch=z9hG4bK1\r\n"
        + "Max-Forwards: 70\r\nTo: <sip:100@127.0.0.1>\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nCall-ID: s1\r\n"
        + "CSeq: 1 OPTIONS\r\nContent-Length: 4\r\n\r\nabcd"

    @Test func framesByContentLengthByteByByte() throws {
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer()
        var messages: [SIPMessage] = []
        let stream = Array(("\r\n\r\n" + Self.options + Self.options).utf8)
        for byte in stream {
            buffer.writeInteger(byte)
            while let m = try decoder.decode(buffer: &buffer) { messages.append(m) }
        }
        #expect(messages.count == 2)
        #expect(messages.allSatisfy { $0.method == .options && String(buffer: $0.body) == "abcd" })
        #expect(messages.allSatisfy { !$0.hasErrors })
        #expect(decoder.keepAliveBytes == 4)
        #expect(buffer.readableBytes == 0)
    }

    /// NIO's verifier feeds the input whole, byte by byte and in random chunks, and checks the same output.
    @Test func passesTheDecoderVerifier() throws {
        let expected = try SIPMessageParser.parse(ByteBuffer(string: Self.options), framing: .stream)
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [(Self.options, [expected]), (Self.options + Self.options, [expected, expected])],
            decoderFactory: { SIPStreamDecoder() }
        )
    }

    @Test func needsMoreBytesLeavesTheBufferAlone() throws {
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer(string: String(Self.options.dropLast(2)))
        let before = buffer.readerIndex
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(buffer.readerIndex == before)
        buffer.writeString("cd")
        #expect(try decoder.decode(buffer: &buffer)?.method == .options)
    }

    @Test func missingContentLengthIsAnErrorOnStreams() throws {
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer(string: Self.options.replacingOccurrences(of: "Content-Length: 4\r\n", with: ""))
        let m = try #require(try decoder.decode(buffer: &buffer))
        #expect(m.anomalies.contains { $0.code == .missingContentLength && $0.severity == .error })
    }

    @Test func conflictingContentLengthCannotBeFramed() {
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer(
            string: Self.options.replacingOccurrences(of: "Content-Length: 4\r\n", with: "l: 4\r\nl: 5\r\n")
        )
        #expect(throws: SIPParseError.self) { try decoder.decode(buffer: &buffer) }
    }

    @Test func endlessHeaderSectionIsBounded() {
        var limits = SIPParserLimits()
        limits.maxHeaderSectionSize = 1024
        var decoder = SIPStreamDecoder(limits: limits)
        var buffer = ByteBuffer(string: "OPTIONS sip:a SIP/2.0\r\n")
        var thrown: SIPParseError? = nil
        for _ in 0..<200 {
            buffer.writeString("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")
            do { _ = try decoder.decode(buffer: &buffer) } catch {
                thrown = error
                break
            }
        }
        #expect(thrown?.code == .headerSectionTooLarge)
    }

    @Test func notSIPClosesTheStream() {
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer(string: "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(throws: SIPParseError.self) { try decoder.decode(buffer: &buffer) }
    }
}
