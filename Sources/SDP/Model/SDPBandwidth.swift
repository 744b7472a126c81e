/// A `b=` line (RFC 8866 §5.8): `b=<bwtype>:<bandwidth>`.
public struct SDPBandwidth: Sendable, Hashable {
    /// The bandwidth type: `CT`, `AS` (RFC 8866), `TIAS` (RFC 3890), `RR`, `RS` (RFC 3556), or another token.
    public var type: String

    /// The bandwidth, in kilobits per second for `CT` and `AS`, bits per second for `TIAS`, `RR` and `RS`.
    public var value: UInt64

    /// Creates a bandwidth line.
    public init(type: String, value: UInt64) {
        self.type = type
        self.value = value
    }
}
