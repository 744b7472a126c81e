/// Turns a stream of RFC 4733 event packets into one detected event each (§2.5.2).
///
/// All packets of one event carry the same RTP timestamp (the event's start); updates grow the duration and the
/// last packet, sent three times, has the E bit. The receiver reports an event once:
///
/// - when the first packet with the E bit for its timestamp arrives (with the final duration), or
/// - when a packet of a *new* event arrives while the previous one never ended (its end packets were lost),
///   with the last duration seen, or
/// - on ``finish()`` at the end of the call, for an event still in progress.
///
/// Repeated end packets and late updates for a timestamp already reported are ignored (the last
/// ``rememberedEvents`` timestamps are kept). It is a pure value: no clock, no IO.
public struct TelephoneEventReceiver: Sendable {
    /// One detected event.
    public struct Detected: Sendable, Hashable {
        /// The event code.
        public var event: UInt8
        /// The DTMF character, if the code is a DTMF event.
        public var digit: Character?
        /// The RTP timestamp of the event's start.
        public var timestamp: UInt32
        /// The duration in timestamp units.
        public var duration: UInt16
        /// Whether an end packet was seen (false when inferred from a following event or ``finish()``).
        public var ended: Bool

        /// Creates a detected event.
        public init(event: UInt8, digit: Character?, timestamp: UInt32, duration: UInt16, ended: Bool) {
            self.event = event
            self.digit = digit
            self.timestamp = timestamp
            self.duration = duration
            self.ended = ended
        }
    }

    private struct InProgress: Sendable {
        var event: UInt8
        var timestamp: UInt32
        var duration: UInt16
    }

    /// How many reported timestamps are remembered to drop repeated end packets.
    public static let rememberedEvents = 8

    private var current: InProgress?
    private var reported: [UInt32] = []

    /// Creates a receiver.
    public init() {}

    /// Feeds one telephone-event packet.
    ///
    /// - Parameters:
    ///   - payload: The packet's parsed payload.
    ///   - timestamp: The packet's RTP timestamp.
    /// - Returns: The events completed by this packet, oldest first (zero, one or two).
    public mutating func received(_ payload: TelephoneEvent, timestamp: UInt32) -> [Detected] {
        if self.reported.contains(timestamp) {
            return []
        }
        var detected: [Detected] = []
        if let current = self.current, current.timestamp != timestamp || current.event != payload.event {
            detected.append(self.complete(current, ended: false))
            self.current = nil
        }
        let duration = max(self.current?.duration ?? 0, payload.duration)
        if payload.isEnd {
            self.current = nil
            detected.append(
                self.complete(InProgress(event: payload.event, timestamp: timestamp, duration: duration), ended: true)
            )
        } else {
            self.current = InProgress(event: payload.event, timestamp: timestamp, duration: duration)
        }
        return detected
    }

    /// Ends the stream: reports an event still in progress, if any.
    public mutating func finish() -> Detected? {
        guard let current = self.current else {
            return nil
        }
        self.current = nil
        return self.complete(current, ended: false)
    }

    private mutating func complete(_ event: InProgress, ended: Bool) -> Detected {
        self.reported.append(event.timestamp)
        if self.reported.count > Self.rememberedEvents {
            self.reported.removeFirst(self.reported.count - Self.rememberedEvents)
        }
        return Detected(
            event: event.event,
            digit: TelephoneEvent.digit(forEvent: event.event),
            timestamp: event.timestamp,
            duration: event.duration,
            ended: ended
        )
    }
}
