/// An `a=` line (RFC 8866 §5.13): `a=<name>` (a property) or `a=<name>:<value>`.
public struct SDPAttribute: Sendable, Hashable {
    /// The attribute name, for example `rtpmap`.
    public var name: String

    /// The value after the first `:`, or `nil` for a property attribute such as `sendrecv`.
    public var value: String?

    /// Creates an attribute.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

extension Collection<SDPAttribute> {
    /// The first attribute called `name` (attribute names compare exactly).
    func first(named name: String) -> SDPAttribute? {
        self.first { $0.name == name }
    }
}
