public import NIOCore
public import RTP

/// The media of one call: an RTP socket on an even port and an RTCP socket on the port above, with playback,
/// recording and DTMF in both directions. Create one with ``MediaEngine/makeSession(_:observer:onDigit:)``.
///
/// All state lives on one event loop; every method here hops to it, so the handle can be used from any task.
/// ``stop()`` must be called when the call ends (it sends an RTCP BYE, closes both sockets, returns the port to
/// the engine and returns the final statistics); it is idempotent.
public final class MediaSession: Sendable {
    /// What the SIP layer negotiated for this call (from the SDP offer/answer; this layer parses no SDP).
    public struct Parameters: Sendable {
        /// The address and port from the remote SDP (`c=` and `m=audio`), or `nil` to wait for the remote's
        /// first packet (symmetric RTP only).
        public var remoteRTPAddress: SocketAddress?

        /// The remote's RTCP address (`a=rtcp`), or `nil` for the RTP port plus one.
        public var remoteRTCPAddress: SocketAddress?

        /// The audio codec sent.
        public var codec: G711

        /// The payload type of ``codec`` in the answer. Default: the codec's static type.
        public var audioPayloadType: UInt8

        /// The negotiated telephone-event payload type (RFC 4733), or `nil` if the remote offered none.
        public var telephoneEventPayloadType: UInt8?

        /// Symmetric RTP (RFC 4961): send to the address the remote's packets come from once one arrives, and
        /// ignore (count) packets from any other address afterwards. Default `true`.
        public var symmetric: Bool

        /// Whether recording starts at once. Default `false` (`OpRecord` turns it on with
        /// ``MediaSession/setRecording(_:)``).
        public var record: Bool

        /// The RTCP CNAME; `nil` for a random per-session one (RFC 7022) that reveals nothing.
        public var canonicalName: String?

        /// Creates parameters.
        public init(
            remoteRTPAddress: SocketAddress?,
            remoteRTCPAddress: SocketAddress? = nil,
            codec: G711 = .muLaw,
            audioPayloadType: UInt8? = nil,
            telephoneEventPayloadType: UInt8? = 101,
            symmetric: Bool = true,
            record: Bool = false,
            canonicalName: String? = nil
        ) {
            self.remoteRTPAddress = remoteRTPAddress
            self.remoteRTCPAddress = remoteRTCPAddress
            self.codec = codec
            self.audioPayloadType = audioPayloadType ?? codec.payloadType
            self.telephoneEventPayloadType = telephoneEventPayloadType
            self.symmetric = symmetric
            self.record = record
            self.canonicalName = canonicalName
        }
    }

    /// The session's identifier, unique within its engine; it names the recording files.
    public let id: UInt64

    /// The local RTP port (even); put it in the SDP answer's `m=audio` line.
    public let rtpPort: Int

    /// The local RTCP port (``rtpPort`` + 1).
    public var rtcpPort: Int {
        self.rtpPort + 1
    }

    /// The event loop that owns the session's state.
    public let eventLoop: any EventLoop

    let core: NIOLoopBound<MediaSessionCore>
    private let release: @Sendable () -> Void

    init(
        id: UInt64,
        rtpPort: Int,
        eventLoop: any EventLoop,
        core: NIOLoopBound<MediaSessionCore>,
        release: @escaping @Sendable () -> Void
    ) {
        self.id = id
        self.rtpPort = rtpPort
        self.eventLoop = eventLoop
        self.core = core
        self.release = release
    }

    /// Starts playing 8 kHz mono samples (see ``MediaFiles/loadSamples(path:limits:)``), replacing any playback
    /// in progress.
    ///
    /// - Parameters:
    ///   - samples: The audio.
    ///   - duration: Milliseconds to play; `nil` plays the samples once.
    ///   - endOfFile: Loop or stop when the samples end before `duration`. Default ``RTP/MediaPlayer/EndOfFile/loop``.
    /// - Returns: A future for the playback's end; it fails only if the session is stopped.
    @discardableResult
    public func startPlayback(
        _ samples: [Int16],
        duration: Int? = nil,
        endOfFile: MediaPlayer.EndOfFile = .loop
    ) -> EventLoopFuture<PlaybackSummary> {
        let core = self.core
        return self.eventLoop.flatSubmit {
            core.value.startPlayback(samples: samples, duration: duration, endOfFile: endOfFile)
        }
    }

    /// Plays samples and waits until the playback ends.
    @discardableResult
    public func play(
        _ samples: [Int16],
        duration: Int? = nil,
        endOfFile: MediaPlayer.EndOfFile = .loop
    ) async throws -> PlaybackSummary {
        try await self.startPlayback(samples, duration: duration, endOfFile: endOfFile).get()
    }

    /// Stops the playback in progress, if any.
    public func stopPlayback() {
        let core = self.core
        self.eventLoop.execute {
            core.value.stopPlayback()
        }
    }

    /// Sends DTMF digits as RFC 4733 telephone-events, one after another (at most 64 queued).
    ///
    /// - Parameter digits: `0`–`9`, `*`, `#`, `A`–`D`; anything else throws ``MediaError/Code/invalidDigit``.
    public func sendDigits(_ digits: String) async throws {
        var events: [UInt8] = []
        for character in digits {
            guard let event = TelephoneEvent.event(forDigit: character), event < 16 else {
                throw MediaError(code: .invalidDigit, message: "only 0-9, *, #, A-D are DTMF digits")
            }
            events.append(event)
        }
        let core = self.core
        let queued = events
        try await self.eventLoop.submit {
            try core.value.sendDigits(queued)
        }.get()
    }

    /// Changes the remote's RTP address after a re-INVITE (the new SDP's `c=`/`m=`), unless symmetric RTP has
    /// already latched onto the address the remote's packets come from, which stays in force. `nil` keeps the
    /// current address.
    public func updateRemote(rtp: SocketAddress?, rtcp: SocketAddress? = nil) {
        let core = self.core
        self.eventLoop.execute {
            core.value.updateRemote(rtp: rtp, rtcp: rtcp)
        }
    }

    /// Turns recording on or off (both directions).
    public func setRecording(_ on: Bool) {
        let core = self.core
        self.eventLoop.execute {
            core.value.setRecording(on)
        }
    }

    /// The statistics so far.
    public func statistics() async throws -> MediaSessionStatistics {
        let core = self.core
        return try await self.eventLoop.submit {
            core.value.currentStatistics()
        }.get()
    }

    /// A copy of the recorder (both directions' PCM and statistics).
    public func recording() async throws -> MediaRecorder {
        let core = self.core
        return try await self.eventLoop.submit {
            core.value.recorderSnapshot
        }.get()
    }

    /// Writes the recording as two WAV files in `directory`: `<name>-caller.wav` (what the remote sent) and
    /// `<name>-honeypot.wav` (what the honeypot sent), where `<name>` is `media-<id>` with the session's
    /// ``id`` in hexadecimal; nothing from the call names the files. Existing files are not overwritten.
    ///
    /// - Returns: The paths written.
    @discardableResult
    public func writeRecordings(to directory: String) async throws -> [String] {
        let recorder = try await self.recording()
        let name = "media-" + String(self.id, radix: 16)
        return try await MediaFiles.writeRecordings(recorder, directory: directory, baseName: name)
    }

    /// Stops the session: ends playback and DTMF, reports a digit still in progress, sends an RTCP BYE, closes
    /// both sockets and returns the port. Idempotent.
    ///
    /// - Returns: The final statistics.
    @discardableResult
    public func stop() async throws -> MediaSessionStatistics {
        let core = self.core
        let statistics = try await self.eventLoop.flatSubmit {
            let wasClosed = core.value.isClosed
            return core.value.stop().map { (wasClosed, $0) }
        }.get()
        if !statistics.0 {
            self.release()
        }
        return statistics.1
    }
}
