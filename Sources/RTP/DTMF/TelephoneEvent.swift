public import NIOCore

/// One RFC 4733 telephone-event payload (§2.3): the event, the end bit, the volume and the duration so far.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     event     |E|R| volume    |          duration             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
public struct TelephoneEvent: Sendable, Hashable {
    /// The event code: 0–9 the digits, 10 `*`, 11 `#`, 12–15 `A`–`D`, 16 flash (RFC 4733 §3.2).
    public var event: UInt8

    /// The E bit: this packet ends the event.
    public var isEnd: Bool

    /// The R bit (reserved; kept as received).
    public var reserved: Bool

    /// The power level, 0 to 63, in -dBm0 (0 is loudest); only the low six bits are serialized.
    public var volume: UInt8

    /// The duration so far, in timestamp units (8,000 per second for `telephone-event/8000`).
    public var duration: UInt16

    /// Creates an event payload.
    public init(event: UInt8, isEnd: Bool = false, reserved: Bool = false, volume: UInt8 = 10, duration: UInt16) {
        self.event = event
        self.isEnd = isEnd
        self.reserved = reserved
        self.volume = volume
        self.duration = duration
    }

    /// The payload's size on the wire.
    public static let size = 4

    /// Parses a payload; bytes after the first four are ignored.
    public init(parsing payload: ByteBuffer) throws(RTPError) {
        var buffer = payload
        guard let event = buffer.readInteger(as: UInt8.self),
            let flags = buffer.readInteger(as: UInt8.self),
            let duration = buffer.readInteger(as: UInt16.self)
        else {
            throw .truncated("the telephone-event payload", offset: 0, needed: Self.size - payload.readableBytes)
        }
        self.init(
            event: event,
            isEnd: flags & 0x80 != 0,
            reserved: flags & 0x40 != 0,
            volume: flags & 0x3F,
            duration: duration
        )
    }

    /// Appends the four payload bytes to `buffer`.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(self.event)
        buffer.writeInteger((self.isEnd ? 0x80 : 0) | (self.reserved ? 0x40 : 0) | (self.volume & 0x3F) as UInt8)
        buffer.writeInteger(self.duration)
    }

    /// The DTMF character of ``event``: `0`–`9`, `*`, `#`, `A`–`D`, or `!` for flash; `nil` for other events.
    public var digit: Character? {
        Self.digit(forEvent: self.event)
    }

    /// The DTMF character of an event code, as for ``digit``.
    public static func digit(forEvent event: UInt8) -> Character? {
        switch event {
        case 0...9: Character(Unicode.Scalar(UInt8(ascii: "0") + event))
        case 10: "*"
        case 11: "#"
        case 12...15: Character(Unicode.Scalar(UInt8(ascii: "A") + event - 12))
        case 16: "!"
        default: nil
        }
    }

    /// The event code of a DTMF character (`0`–`9`, `*`, `#`, `A`–`D` or `a`–`d`, `!` for flash), or `nil`.
    public static func event(forDigit digit: Character) -> UInt8? {
        guard let ascii = digit.asciiValue else {
            return nil
        }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return ascii - UInt8(ascii: "0")
        case UInt8(ascii: "*"): return 10
        case UInt8(ascii: "#"): return 11
        case UInt8(ascii: "A")...UInt8(ascii: "D"): return ascii - UInt8(ascii: "A") + 12
        case UInt8(ascii: "a")...UInt8(ascii: "d"): return ascii - UInt8(ascii: "a") + 12
        case UInt8(ascii: "!"): return 16
        default: return nil
        }
    }
}
