import Foundation
import NIOCore
import RTP

/// The IO side of one session, confined to its event loop: it runs the pure ``MediaSender`` (playback and DTMF
/// out), and owns the receive path (rate limits, symmetric latch, reception statistics, DTMF in), the recorder and
/// RTCP.
///
/// The sender asks for wake-ups at absolute instants of `NIODeadline`'s monotonic clock; the core keeps one
/// scheduled task for the earliest and replaces it whenever the sender asks again, so pacing follows the
/// sender's absolute schedule and never accumulates delay.
final class MediaSessionCore {
    let id: UInt64
    let eventLoop: any EventLoop
    let configuration: MediaConfiguration
    let parameters: MediaSession.Parameters
    let rtpChannel: any Channel
    let rtcpChannel: any Channel
    let observer: (@Sendable (MediaPacketEvent) -> Void)?
    let rtpLocalAddress: SocketAddress?
    let rtcpLocalAddress: SocketAddress?
    let onDigit: (@Sendable (TelephoneEventReceiver.Detected) -> Void)?

    var sender: MediaSender
    var wakeTask: Scheduled<Void>?
    var playbackPromises: [Int: EventLoopPromise<PlaybackSummary>] = [:]

    var remoteRTP: SocketAddress?
    var remoteRTCP: SocketAddress?
    var receiver: MediaReceiver<SocketAddress>

    var rtcpTask: Scheduled<Void>?

    var recorder: MediaRecorder
    var recording: Bool

    var statistics = MediaSessionStatistics()
    var isClosed = false

    init(
        id: UInt64,
        eventLoop: any EventLoop,
        configuration: MediaConfiguration,
        parameters: MediaSession.Parameters,
        rtpChannel: any Channel,
        rtcpChannel: any Channel,
        observer: (@Sendable (MediaPacketEvent) -> Void)?,
        onDigit: (@Sendable (TelephoneEventReceiver.Detected) -> Void)?
    ) {
        self.id = id
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.parameters = parameters
        self.rtpChannel = rtpChannel
        self.rtcpChannel = rtcpChannel
        self.observer = observer
        self.rtpLocalAddress = rtpChannel.localAddress
        self.rtcpLocalAddress = rtcpChannel.localAddress
        self.onDigit = onDigit
        var generator = SystemRandomNumberGenerator()
        self.sender = MediaSender(
            configuration: MediaSender.Configuration(
                ssrc: generator.next(),
                firstSequenceNumber: UInt16.random(in: 0...0x7FFF, using: &generator),
                timestampBase: generator.next(),
                origin: Self.now(),
                packetTime: configuration.packetTime,
                telephoneEventPayloadType: parameters.telephoneEventPayloadType,
                eventDuration: configuration.dtmfDuration * 8,
                maximumBurst: configuration.maximumPlaybackBurst
            ),
            isRemoteKnown: parameters.remoteRTPAddress != nil
        )
        self.receiver = MediaReceiver(
            configuration: MediaReceiver.Configuration(
                maximumPacketsPerSecond: configuration.maximumReceivedPacketsPerSecond,
                symmetric: parameters.symmetric,
                telephoneEventPayloadType: parameters.telephoneEventPayloadType,
                limits: configuration.limits
            )
        )
        self.remoteRTP = parameters.remoteRTPAddress
        self.remoteRTCP = parameters.remoteRTCPAddress
        var audio: [UInt8: G711] = [0: .muLaw, 8: .aLaw]
        audio[parameters.audioPayloadType] = parameters.codec
        self.recorder = MediaRecorder(
            limits: MediaRecorder.Limits(
                maximumDuration: configuration.maximumRecordingDuration,
                maximumBytes: configuration.maximumRecordingBytes
            ),
            audioPayloadTypes: audio,
            telephoneEventPayloadType: parameters.telephoneEventPayloadType
        )
        self.recording = parameters.record
        self.statistics.remoteRTPAddress = parameters.remoteRTPAddress
    }

    // MARK: Clock

    /// The monotonic clock the sender's instants are on.
    static func now() -> Int64 {
        Int64(truncatingIfNeeded: NIODeadline.now().uptimeNanoseconds)
    }

    var ssrc: UInt32 {
        self.sender.configuration.ssrc
    }

    func mediaTimestamp(at instant: NIODeadline) -> UInt32 {
        self.sender.mediaTimestamp(at: Int64(truncatingIfNeeded: instant.uptimeNanoseconds))
    }

    static func wallClockNanoseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }

    // MARK: Start

    func start() {
        self.scheduleRTCP()
    }

    // MARK: Sending

    /// Performs the sender's actions.
    func perform(_ actions: [MediaSender.Action]) {
        for action in actions {
            switch action {
            case .send(let packet):
                self.sendRTP(packet)
            case .wake(let instant):
                self.wakeTask?.cancel()
                let deadline = NIODeadline.uptimeNanoseconds(UInt64(max(0, instant)))
                self.wakeTask = self.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                    self.wakeTask = nil
                    self.perform(self.sender.wake(at: Self.now()))
                }
            case .playbackEnded(let id, let summary):
                self.statistics.skippedTicks += summary.ticksSkipped
                self.playbackPromises.removeValue(forKey: id)?.succeed(summary)
            }
        }
    }

    /// Sends one packet the sender numbered and stamped.
    func sendRTP(_ packet: RTPPacket) {
        guard let remote = self.remoteRTP else {
            self.statistics.unsentPackets += 1
            return
        }
        let bytes = packet.serialized(allocator: self.rtpChannel.allocator)
        self.statistics.rtpSent += 1
        self.statistics.payloadOctetsSent += packet.payload.readableBytes
        if self.recording {
            self.recorder.record(packet, direction: .sent)
        }
        self.report(.sent, .rtp, bytes: bytes, remote: remote)
        self.rtpChannel.writeAndFlush(AddressedEnvelope(remoteAddress: remote, data: bytes), promise: nil)
    }

    func report(
        _ direction: MediaPacketEvent.Direction,
        _ kind: MediaPacketEvent.Kind,
        bytes: ByteBuffer,
        remote: SocketAddress
    ) {
        guard let observer = self.observer else {
            return
        }
        observer(
            MediaPacketEvent(
                sessionID: self.id,
                direction: direction,
                kind: kind,
                bytes: bytes,
                nanosecondsSinceEpoch: Self.wallClockNanoseconds(),
                local: kind == .rtp ? self.rtpLocalAddress : self.rtcpLocalAddress,
                remote: remote
            )
        )
    }

    // MARK: Recording

    func setRecording(_ on: Bool) {
        self.recording = on
    }

    var recorderSnapshot: MediaRecorder {
        self.recorder
    }

    // MARK: Stop

    func stop() -> EventLoopFuture<MediaSessionStatistics> {
        guard !self.isClosed else {
            return self.eventLoop.makeSucceededFuture(self.currentStatistics())
        }
        self.perform(self.sender.stop())
        self.wakeTask?.cancel()
        self.wakeTask = nil
        self.rtcpTask?.cancel()
        self.rtcpTask = nil
        self.perform(self.receiver.finish(), datagram: ByteBuffer(), source: nil)
        self.sendRTCP(bye: true)
        self.isClosed = true
        let statistics = self.currentStatistics()
        let rtp = self.rtpChannel.close()
        let rtcp = self.rtcpChannel.close()
        return rtp.and(rtcp).map { _ in statistics }.recover { _ in statistics }
    }

    func currentStatistics() -> MediaSessionStatistics {
        var statistics = self.statistics
        let received = self.receiver.statistics
        statistics.rtpReceived = received.rtpReceived
        statistics.rtcpReceived = received.rtcpReceived
        statistics.droppedByRateLimit = received.droppedByRateLimit
        statistics.malformedRTP = received.malformedRTP
        statistics.malformedRTCP = received.malformedRTCP
        statistics.foreignPackets = received.foreignPackets
        statistics.digitsReceived = received.digitsReceived
        statistics.receivedBye = received.receivedBye
        statistics.remoteSSRC = received.remoteSSRC
        statistics.reception = received.reception
        statistics.digitsSent = self.sender.eventsSent
        statistics.recordedReceived = self.recorder.statistics(.received)
        statistics.recordedSent = self.recorder.statistics(.sent)
        return statistics
    }
}
