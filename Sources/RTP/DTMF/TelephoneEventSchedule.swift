/// The packets that send one RFC 4733 event (§2.5.1): a start packet with the marker bit, an update every
/// ``updateInterval`` timestamp units while the event lasts, and the end packet sent three times, all with the
/// event's start timestamp.
///
/// It is a pure schedule: each entry says when to send (an offset in timestamp units from the event's start) and
/// what; the caller stamps sequence numbers from its RTP stream and the start timestamp, and paces the sending.
///
/// With the defaults (a 100 ms event, 50 ms updates at 8 kHz) the schedule is: offset 0 duration 400 with the
/// marker, offset 400 duration 800, then the end packet with duration 800 at offsets 800, 1200 and 1600.
public struct TelephoneEventSchedule: Sendable, Hashable {
    /// One packet of the schedule.
    public struct Entry: Sendable, Hashable {
        /// When to send it: timestamp units after the event's start.
        public var offset: UInt32
        /// Whether the RTP marker bit is set (only on the first packet).
        public var marker: Bool
        /// The payload.
        public var payload: TelephoneEvent

        /// Creates an entry.
        public init(offset: UInt32, marker: Bool, payload: TelephoneEvent) {
            self.offset = offset
            self.marker = marker
            self.payload = payload
        }
    }

    /// The packets, in sending order.
    public var entries: [Entry]

    /// Builds the schedule for one event.
    ///
    /// - Parameters:
    ///   - event: The event code (see ``TelephoneEvent/event(forDigit:)``).
    ///   - duration: The event's length in timestamp units; clamped to 1…65,535 (8 s at 8 kHz). Default 800
    ///     (100 ms at 8 kHz).
    ///   - volume: The power level in -dBm0, 0–63. Default 10.
    ///   - updateInterval: Timestamp units between packets, clamped to at least 1. Default 400 (50 ms at 8 kHz).
    public init(event: UInt8, duration: Int = 800, volume: UInt8 = 10, updateInterval: Int = 400) {
        let total = min(max(duration, 1), Int(UInt16.max))
        let interval = max(updateInterval, 1)
        var entries: [Entry] = []
        var offset = 0
        while offset < total {
            let soFar = min(offset + interval, total)
            entries.append(
                Entry(
                    offset: UInt32(offset),
                    marker: offset == 0,
                    payload: TelephoneEvent(event: event, volume: volume, duration: UInt16(soFar))
                )
            )
            offset += interval
        }
        let end = TelephoneEvent(event: event, isEnd: true, volume: volume, duration: UInt16(total))
        let endOffset = max(offset, total)
        for index in 0..<3 {
            entries.append(Entry(offset: UInt32(endOffset + index * interval), marker: false, payload: end))
        }
        self.entries = entries
    }
}
