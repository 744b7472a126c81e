import NIOCore
import RTP

/// Playback: the sender's schedule started and stopped on the event loop.
extension MediaSessionCore {
    func startPlayback(
        samples: [Int16],
        duration: Int?,
        endOfFile: MediaPlayer.EndOfFile
    ) -> EventLoopFuture<PlaybackSummary> {
        guard !self.isClosed else {
            return self.eventLoop.makeFailedFuture(
                MediaError(code: .sessionClosed, message: "the session was stopped")
            )
        }
        let (id, actions) = self.sender.startPlayback(
            samples,
            codec: self.parameters.codec,
            payloadType: self.parameters.audioPayloadType,
            duration: duration,
            endOfFile: endOfFile,
            at: Self.now()
        )
        let promise = self.eventLoop.makePromise(of: PlaybackSummary.self)
        self.playbackPromises[id] = promise
        self.perform(actions)
        return promise.futureResult
    }

    func stopPlayback() {
        guard !self.isClosed else {
            return
        }
        self.perform(self.sender.stopPlayback(at: Self.now()))
    }
}
