import NIOCore
import RTP

/// The receive path: each datagram through the pure ``MediaReceiver``, whose actions are performed here.
extension MediaSessionCore {
    func received(_ envelope: AddressedEnvelope<ByteBuffer>, on port: MediaReceiver<SocketAddress>.Port) {
        guard !self.isClosed else {
            return
        }
        let actions = self.receiver.received(
            envelope.data,
            from: envelope.remoteAddress,
            on: port,
            at: Self.now()
        )
        self.perform(actions, datagram: envelope.data, source: envelope.remoteAddress)
    }

    func perform(_ actions: [MediaReceiver<SocketAddress>.Action], datagram: ByteBuffer, source: SocketAddress?) {
        for action in actions {
            switch action {
            case .observe(let port):
                if let source {
                    self.report(.received, port == .rtp ? .rtp : .rtcp, bytes: datagram, remote: source)
                }
            case .latchRTP(let address):
                self.remoteRTP = address
                self.statistics.remoteRTPAddress = address
                self.sender.remoteBecameKnown()
            case .latchRTCP(let address):
                self.remoteRTCP = address
            case .record(let packet):
                if self.recording {
                    self.recorder.record(packet, direction: .received)
                }
            case .digit(let detected):
                self.onDigit?(detected)
            }
        }
    }

    func updateRemote(rtp: SocketAddress?, rtcp: SocketAddress?) {
        if let rtp, self.receiver.latchedRTP == nil {
            self.remoteRTP = rtp
            self.statistics.remoteRTPAddress = rtp
            self.sender.remoteBecameKnown()
        }
        if let rtcp, self.receiver.latchedRTCP == nil {
            self.remoteRTCP = rtcp
        }
    }
}
