// libFuzzer target: one SIP message, parsed as a datagram and as a stream-framed message, then every typed
// accessor read; a response built to it and parsed back; and the same bytes framed by `SIPStreamDecoder`, fed in
// two parts. Any input may be rejected with a `SIPParseError`; none may crash, hang or leak.

import FuzzSupport
import NIOCore
import SIPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let buffer = ByteBuffer(bytes: bytes)
    for framing in [SIPMessageParser.Framing.datagram, .stream] {
        do {
            let message = try SIPMessageParser.parse(buffer, framing: framing)
            message.exerciseEveryAccessor()
            if framing == .datagram, message.isRequest {
                // The honeypot answers what it receives, echoing the request's Via, From, To, Call-ID and CSeq.
                let response = SIPMessageBuilder.response(to: message, status: 200, reason: "OK", toTag: "fuzz")
                if let parsed = try? SIPMessageParser.parseDatagram(response.serialized()) {
                    parsed.exerciseEveryAccessor()
                }
            }
        } catch {
            // Rejecting the input is fine; crashing is not.
            blackHole(error.description)
        }
    }
    // The collection overload copies into its own buffer; the ranges must still be right.
    if let message = try? SIPMessageParser.parseDatagram(bytes) {
        blackHole(message.vias)
        blackHole(message.requestURI)
    }
    decodeAsStream(buffer)
    return 0
}

/// Frames `bytes` with a `SIPStreamDecoder`, as a TCP connection would deliver them: in two parts, then EOF.
func decodeAsStream(_ bytes: ByteBuffer) {
    var decoder = SIPStreamDecoder()
    var stream = ByteBuffer()
    let half = bytes.readableBytes / 2
    let parts = [
        bytes.getSlice(at: bytes.readerIndex, length: half),
        bytes.getSlice(at: bytes.readerIndex + half, length: bytes.readableBytes - half),
    ]
    for part in parts {
        guard var part else { continue }
        stream.writeBuffer(&part)
        do {
            while let message = try decoder.decode(buffer: &stream) {
                message.exerciseEveryAccessor()
            }
        } catch {
            // The connection would be closed here.
            blackHole(error.description)
            return
        }
    }
    blackHole(try? decoder.decodeLast(buffer: &stream, seenEOF: true))
    blackHole(decoder.keepAliveBytes)
}
