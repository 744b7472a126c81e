import NIOCore

/// The sending half of a call's RTP stream as a pure state machine: playback ticks and RFC 4733 events on one
/// SSRC and one sequence counter, paced by an absolute schedule. Time is an input, wake-ups are an output.
///
/// ## Design
///
/// The machine owns the stream's identity (SSRC, the next sequence number, the media clock's origin) and at most
/// one playback (a ``MediaPlayer``) and one DTMF event in progress (a ``TelephoneEventSchedule``) with a queue of
/// digits behind it. It never reads a clock: every event method takes `now`, nanoseconds on the caller's
/// monotonic clock, and returns actions:
///
/// - ``Action/send(_:)``: send this packet now (already numbered and stamped);
/// - ``Action/wake(at:)``: call ``wake(at:)`` at this instant (replacing any earlier request);
/// - ``Action/playbackEnded(_:_:)``: a playback ended, with its summary.
///
/// **Absolute schedule.** A playback started at `T` has tick `n` due at `T + n × ptime`; an event started at `E`
/// has entry `k` due at `E + offset(k)`. The wake-up requested is always the earliest such deadline, never
/// "now + ptime", so a late wake-up does not shift later ones (no drift). A wake-up more than
/// ``Configuration/maximumBurst`` ticks late sends the last that many due ticks and skips the older ones (counted), so timestamps remain
/// those of the schedule.
///
/// **Interleaving (RFC 4733 §2.1, §2.5.1).** Events use the media clock's timestamp at their start. While an event
/// is in progress, audio ticks are suppressed (counted); the first audio packet after an event, or after a time
/// when no remote address was known, carries the marker bit (RFC 3551 §4.1: a new talkspurt). Digits are sent one
/// after another with ``Configuration/interEventGap`` between them.
///
/// ```
///            startPlayback / queueDigits / wake(at:)
///   idle ────────────────────────────────────────────► sending ──┐ wake(at:) sends what is due
///    ▲                                                   │  ▲      │ and asks for the next wake-up
///    └──────── nothing left (playbackEnded) ─────────────┘  └──────┘
/// ```
public struct MediaSender: Sendable {
    /// The stream's fixed parameters.
    public struct Configuration: Sendable, Hashable {
        /// The SSRC of every packet.
        public var ssrc: UInt32
        /// The first sequence number (random, RFC 3550 §5.1).
        public var firstSequenceNumber: UInt16
        /// The media timestamp at the clock origin (random).
        public var timestampBase: UInt32
        /// The caller's clock reading, in nanoseconds, that corresponds to ``timestampBase``.
        public var origin: Int64
        /// Milliseconds per audio packet (10…120). Default 20.
        public var packetTime: Int
        /// The negotiated telephone-event payload type, or `nil`.
        public var telephoneEventPayloadType: UInt8?
        /// Each event's duration in timestamp units. Default 800 (100 ms).
        public var eventDuration: Int
        /// Timestamp units between event packets. Default 400 (50 ms).
        public var eventUpdateInterval: Int
        /// Nanoseconds between the end of one event and the start of the next. Default 50 ms.
        public var interEventGap: Int64
        /// The most digits waiting to be sent; more are dropped. Default 64.
        public var maximumQueuedEvents: Int
        /// The most overdue ticks sent in one wake-up; older ones are skipped (at least 1). Default
        /// ``MediaSender/maximumBurst``.
        public var maximumBurst: Int

        /// Creates a configuration.
        public init(
            ssrc: UInt32,
            firstSequenceNumber: UInt16,
            timestampBase: UInt32,
            origin: Int64,
            packetTime: Int = 20,
            telephoneEventPayloadType: UInt8? = 101,
            eventDuration: Int = 800,
            eventUpdateInterval: Int = 400,
            interEventGap: Int64 = 50_000_000,
            maximumQueuedEvents: Int = 64,
            maximumBurst: Int = MediaSender.maximumBurst
        ) {
            self.ssrc = ssrc
            self.firstSequenceNumber = firstSequenceNumber
            self.timestampBase = timestampBase
            self.origin = origin
            self.packetTime = min(max(packetTime, 10), 120)
            self.telephoneEventPayloadType = telephoneEventPayloadType
            self.eventDuration = eventDuration
            self.eventUpdateInterval = max(1, eventUpdateInterval)
            self.interEventGap = max(0, interEventGap)
            self.maximumQueuedEvents = max(0, maximumQueuedEvents)
            self.maximumBurst = max(1, maximumBurst)
        }
    }

    /// What the caller must do.
    public enum Action: Sendable, Hashable {
        /// Send this packet now.
        case send(RTPPacket)
        /// Call ``MediaSender/wake(at:)`` at this instant (nanoseconds on the caller's clock); replaces any
        /// earlier request.
        case wake(at: Int64)
        /// The playback with this identifier ended.
        case playbackEnded(Int, PlaybackSummary)
    }

    /// The default of ``Configuration/maximumBurst``: 5 (100 ms at 20 ms).
    public static let maximumBurst = 5

    private struct Playback: Sendable {
        var id: Int
        var player: MediaPlayer
        var start: Int64
        var nextTick = 0
        var sent = 0
        var suppressed = 0
        var skipped = 0
    }

    private struct Event: Sendable {
        var schedule: TelephoneEventSchedule
        var start: Int64
        var timestamp: UInt32
        var index = 0
    }

    /// The fixed parameters.
    public let configuration: Configuration

    /// Whether the remote's address is known; while it is not, packets are suppressed instead of sent.
    public var isRemoteKnown: Bool

    /// RTP packets sent (for the RTCP sender report).
    public private(set) var packetCount = 0

    /// RTP payload octets sent (for the RTCP sender report).
    public private(set) var octetCount = 0

    /// Events started.
    public private(set) var eventsSent = 0

    private var nextSequenceNumber: UInt16
    private var playback: Playback?
    private var nextPlaybackID = 1
    private var markerPending = false
    private var pendingEvents: [UInt8] = []
    private var event: Event?
    private var nextEventStart: Int64 = .min

    /// Creates an idle sender.
    public init(configuration: Configuration, isRemoteKnown: Bool) {
        self.configuration = configuration
        self.isRemoteKnown = isRemoteKnown
        self.nextSequenceNumber = configuration.firstSequenceNumber
    }

    /// The media timestamp at `now`: the base plus 8 units per millisecond since the origin (modulo 2³²).
    public func mediaTimestamp(at now: Int64) -> UInt32 {
        let elapsed = max(0, now &- self.configuration.origin)
        return self.configuration.timestampBase &+ UInt32(truncatingIfNeeded: elapsed / 125_000)
    }

    /// Whether a playback is in progress.
    public var isPlaying: Bool {
        self.playback != nil
    }

    // MARK: Events in

    /// Starts a playback at `now`, ending the one in progress (``PlaybackSummary/Reason/stopped``).
    ///
    /// - Returns: The new playback's identifier (it comes back in ``Action/playbackEnded(_:_:)``) and the actions.
    public mutating func startPlayback(
        _ samples: [Int16],
        codec: G711,
        payloadType: UInt8? = nil,
        duration: Int?,
        endOfFile: MediaPlayer.EndOfFile,
        at now: Int64
    ) -> (id: Int, actions: [Action]) {
        var actions = self.endPlayback(.stopped)
        let id = self.nextPlaybackID
        self.nextPlaybackID += 1
        let player = MediaPlayer(
            samples: samples,
            codec: codec,
            payloadType: payloadType,
            packetTime: self.configuration.packetTime,
            duration: duration,
            endOfFile: endOfFile,
            sequenceNumber: 0,
            timestamp: self.mediaTimestamp(at: now),
            ssrc: self.configuration.ssrc
        )
        self.playback = Playback(id: id, player: player, start: now)
        actions += self.run(at: now)
        return (id, actions)
    }

    /// Stops the playback in progress, if any.
    public mutating func stopPlayback(at now: Int64) -> [Action] {
        self.endPlayback(.stopped) + self.run(at: now)
    }

    /// Queues telephone-events (event codes) to send one after another.
    ///
    /// - Returns: `nil` if no telephone-event payload type was negotiated, else the actions.
    public mutating func queueEvents(_ events: [UInt8], at now: Int64) -> [Action]? {
        guard self.configuration.telephoneEventPayloadType != nil else {
            return nil
        }
        let room = max(0, self.configuration.maximumQueuedEvents - self.pendingEvents.count)
        self.pendingEvents.append(contentsOf: events.prefix(room))
        return self.run(at: now)
    }

    /// The remote's address became known (symmetric RTP latched, or the SDP gave one late).
    public mutating func remoteBecameKnown() {
        if !self.isRemoteKnown {
            self.isRemoteKnown = true
            self.markerPending = true
        }
    }

    /// The requested wake-up came: sends what is due and asks for the next wake-up.
    public mutating func wake(at now: Int64) -> [Action] {
        self.run(at: now)
    }

    /// The session stops: ends the playback (``PlaybackSummary/Reason/sessionStopped``) and drops queued digits.
    public mutating func stop() -> [Action] {
        self.pendingEvents.removeAll()
        self.event = nil
        return self.endPlayback(.sessionStopped)
    }

    // MARK: The schedule

    private mutating func endPlayback(_ reason: PlaybackSummary.Reason) -> [Action] {
        guard let playback = self.playback else {
            return []
        }
        self.playback = nil
        return [
            .playbackEnded(
                playback.id,
                PlaybackSummary(
                    reason: reason,
                    packetsSent: playback.sent,
                    packetsSuppressed: playback.suppressed,
                    ticksSkipped: playback.skipped
                )
            )
        ]
    }

    private mutating func run(at now: Int64) -> [Action] {
        var actions: [Action] = []
        self.runEvents(at: now, into: &actions)
        self.runPlayback(at: now, into: &actions)
        if let next = self.nextWake() {
            actions.append(.wake(at: next))
        }
        return actions
    }

    private mutating func runEvents(at now: Int64, into actions: inout [Action]) {
        guard let payloadType = self.configuration.telephoneEventPayloadType else {
            return
        }
        if self.event == nil, !self.pendingEvents.isEmpty, now >= self.nextEventStart {
            let code = self.pendingEvents.removeFirst()
            self.event = Event(
                schedule: TelephoneEventSchedule(
                    event: code,
                    duration: self.configuration.eventDuration,
                    updateInterval: self.configuration.eventUpdateInterval
                ),
                start: now,
                timestamp: self.mediaTimestamp(at: now)
            )
            self.eventsSent += 1
        }
        guard var event = self.event else {
            return
        }
        let elapsed = max(0, now &- event.start) / 125_000
        let entries = event.schedule.entries
        while event.index < entries.count, Int64(entries[event.index].offset) <= elapsed {
            let entry = entries[event.index]
            var payload = ByteBuffer()
            entry.payload.write(into: &payload)
            let packet = RTPPacket(
                marker: entry.marker,
                payloadType: payloadType,
                sequenceNumber: 0,
                timestamp: event.timestamp,
                ssrc: self.configuration.ssrc,
                payload: payload
            )
            if self.isRemoteKnown {
                actions.append(.send(self.stamp(packet)))
            }
            event.index += 1
        }
        if event.index < entries.count {
            self.event = event
        } else {
            self.event = nil
            self.markerPending = true
            self.nextEventStart = now &+ self.configuration.interEventGap
        }
    }

    private var packetTimeNanoseconds: Int64 {
        Int64(self.configuration.packetTime) * 1_000_000
    }

    private mutating func runPlayback(at now: Int64, into actions: inout [Action]) {
        guard var playback = self.playback else {
            return
        }
        let due = Int(max(0, now &- playback.start) / self.packetTimeNanoseconds)
        var tick = playback.nextTick
        let burst = self.configuration.maximumBurst
        if due - tick >= burst {
            playback.skipped += due - tick - (burst - 1)
            tick = due - (burst - 1)
        }
        while tick <= due, let packet = playback.player.packet(forTick: tick) {
            if self.event != nil || !self.isRemoteKnown {
                playback.suppressed += 1
                self.markerPending = true
            } else {
                var packet = packet
                packet.marker = packet.marker || self.markerPending
                self.markerPending = false
                actions.append(.send(self.stamp(packet)))
                playback.sent += 1
            }
            tick += 1
        }
        playback.nextTick = tick
        self.playback = playback
        if tick >= playback.player.packetCount {
            actions += self.endPlayback(.finished)
        }
    }

    private mutating func stamp(_ packet: RTPPacket) -> RTPPacket {
        var packet = packet
        packet.sequenceNumber = self.nextSequenceNumber
        packet.ssrc = self.configuration.ssrc
        self.nextSequenceNumber &+= 1
        self.packetCount += 1
        self.octetCount += packet.payload.readableBytes
        return packet
    }

    private func nextWake() -> Int64? {
        var next: Int64?
        func consider(_ instant: Int64) {
            next = min(next ?? instant, instant)
        }
        if let playback = self.playback {
            consider(playback.start &+ Int64(playback.nextTick) * self.packetTimeNanoseconds)
        }
        if let event = self.event, event.index < event.schedule.entries.count {
            consider(event.start &+ Int64(event.schedule.entries[event.index].offset) * 125_000)
        } else if self.event == nil, !self.pendingEvents.isEmpty {
            consider(self.nextEventStart)
        }
        return next
    }
}
