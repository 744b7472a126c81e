import NIOCore
import RTP

/// DTMF out: digits queued on the sender, which interleaves them with the audio.
extension MediaSessionCore {
    func sendDigits(_ events: [UInt8]) throws(MediaError) {
        guard !self.isClosed else {
            throw MediaError(code: .sessionClosed, message: "the session was stopped")
        }
        guard let actions = self.sender.queueEvents(events, at: Self.now()) else {
            throw MediaError(code: .dtmfNotNegotiated, message: "no telephone-event payload type was negotiated")
        }
        self.perform(actions)
    }
}
