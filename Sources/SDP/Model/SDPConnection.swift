/// A `c=` line (RFC 8866 §5.7): where media is sent.
///
/// `c=<nettype> <addrtype> <connection-address>`, where an `IP4` multicast address may carry `/<ttl>` and
/// `/<number of addresses>`, and an `IP6` multicast address `/<number of addresses>`. The same shape is used
/// for the optional address of `a=rtcp` (RFC 3605).
public struct SDPConnection: Sendable, Hashable {
    /// The network type, `IN` for the Internet.
    public var networkType: String

    /// The address type, `IP4` or `IP6`.
    public var addressType: String

    /// The address, without the `/ttl` and `/count` suffixes: an IP address or a domain name. For an address
    /// type other than `IP4` and `IP6` the whole field, suffixes included.
    public var address: String

    /// The multicast time-to-live (`IP4` only).
    public var ttl: UInt8?

    /// The number of consecutive multicast addresses (the `/<number>` suffix).
    public var numberOfAddresses: UInt32?

    /// Creates a connection from its fields.
    public init(
        networkType: String = "IN",
        addressType: String,
        address: String,
        ttl: UInt8? = nil,
        numberOfAddresses: UInt32? = nil
    ) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
        self.ttl = ttl
        self.numberOfAddresses = numberOfAddresses
    }

    /// Creates an `IN` connection to a unicast address; the address type (`IP6` when the address holds a
    /// colon, `IP4` otherwise) is derived from it.
    public init(address: String) {
        self.init(addressType: Self.addressType(of: address), address: address)
    }

    /// `IP6` when `address` holds a colon, `IP4` otherwise.
    static func addressType(of address: String) -> String {
        address.utf8.contains(ASCII.colon) ? "IP6" : "IP4"
    }
}
