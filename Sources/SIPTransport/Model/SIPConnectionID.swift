/// Identifies one TCP or TLS connection of a ``SIPTransport`` for as long as it lives.
public struct SIPConnectionID: Sendable, Hashable, CustomStringConvertible {
    /// A number unique within the transport's life.
    public let rawValue: UInt64

    /// An identifier.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public var description: String { "conn-\(self.rawValue)" }
}
