/// A time description (RFC 8866 §5.9–§5.11): a `t=` line with the `r=` and `z=` lines that follow it.
public struct SDPTiming: Sendable, Hashable {
    /// The start time, NTP seconds, 0 for unbounded.
    public var start: UInt64

    /// The stop time, NTP seconds, 0 for unbounded.
    public var stop: UInt64

    /// The values of the `r=` lines, kept raw (for example `7d 1h 0 25h`).
    public var repeats: [String]

    /// The value of the `z=` line, kept raw (for example `2882844526 -1h 2898848070 0`). RFC 4566 placed `z=`
    /// after all time descriptions; either way it is attached to the `t=` before it.
    public var zoneAdjustments: String?

    /// Creates a time description; `t=0 0` (a permanent session) by default.
    public init(start: UInt64 = 0, stop: UInt64 = 0, repeats: [String] = [], zoneAdjustments: String? = nil) {
        self.start = start
        self.stop = stop
        self.repeats = repeats
        self.zoneAdjustments = zoneAdjustments
    }
}
