// libFuzzer target: one SDP body, parsed from bytes and from a `ByteBuffer`, then every accessor read, the
// description serialized and parsed again, and an answer built to it. None of it may crash, hang or leak.

import FuzzSupport
import NIOCore
import SDP

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    do {
        let description = try SDPParser.parse(ByteBuffer(bytes: bytes))
        description.exerciseEveryAccessor()

        // The serializer must cope with whatever the parser let through, and its output must parse again.
        let serialized = description.serializedBuffer()
        if let again = try? SDPParser.parse(serialized) {
            again.exerciseEveryAccessor()
        }

        // The honeypot answers every offer it receives.
        let answer = SDPSessionDescription.answer(
            to: description,
            origin: SDPOrigin(sessionID: 1, sessionVersion: 1, unicastAddress: "192.0.2.1"),
            connectionAddress: "192.0.2.1",
            port: 40_000
        )
        blackHole(answer.acceptedAudioMedia)
        blackHole(answer.serializedBuffer())
    } catch {
        // Rejecting the input is fine; crashing is not.
        blackHole(error)
    }
    // The collection overload copies the bytes first.
    blackHole(try? SDPParser.parse(bytes))
    return 0
}
