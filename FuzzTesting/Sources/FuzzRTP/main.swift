// libFuzzer target: one UDP datagram as a media socket receives it. RTP and RTCP parsing, then the recorder,
// the DTMF receiver and the serializers on whatever parsed. None of it may crash, hang or leak.

import NIOCore
import RTP

@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let datagram = ByteBuffer(bytes: UnsafeRawBufferPointer(start: start, count: count))
    if let packet = try? RTPPacket(parsing: datagram) {
        var recorder = MediaRecorder(limits: .init(maximumDuration: 2))
        recorder.record(packet, direction: .received)
        blackHole(recorder.wav(.received))
        var receiver = TelephoneEventReceiver()
        if let event = try? TelephoneEvent(parsing: packet.payload) {
            blackHole(receiver.received(event, timestamp: packet.timestamp))
            blackHole(receiver.finish())
        }
        // The serializer must cope with whatever the parser let through, and its output must parse again.
        let again = try? RTPPacket(parsing: packet.serialized())
        precondition(again == packet, "RTP round trip")
    }
    if let packets = try? RTCPPacket.parseCompound(datagram) {
        let again = try? RTCPPacket.parseCompound(RTCPPacket.compound(packets))
        blackHole(again)
    }
    blackHole(RTPPacket.looksLikeRTCP(datagram))
    return 0
}
