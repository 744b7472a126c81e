/// The `o=` line (RFC 8866 §5.2): who created the session and which version of it this is.
///
/// `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>`. The fields stay strings, as
/// sent; ``numericSessionID`` and ``numericSessionVersion`` read the numbers.
public struct SDPOrigin: Sendable, Hashable {
    /// The originator's login, or `-`.
    public var username: String

    /// The session identifier, a decimal number by the grammar.
    public var sessionID: String

    /// The version of this session description, a decimal number by the grammar.
    public var sessionVersion: String

    /// The network type, `IN` for the Internet.
    public var networkType: String

    /// The address type, `IP4` or `IP6`.
    public var addressType: String

    /// The originator's address: an IP address or a domain name.
    public var unicastAddress: String

    /// Creates an origin from its six fields.
    public init(
        username: String = "-",
        sessionID: String,
        sessionVersion: String,
        networkType: String = "IN",
        addressType: String,
        unicastAddress: String
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.unicastAddress = unicastAddress
    }

    /// Creates an `IN` origin with numeric identifiers; the address type (`IP6` when the address holds a colon,
    /// `IP4` otherwise) is derived from `unicastAddress`.
    public init(username: String = "-", sessionID: UInt64, sessionVersion: UInt64, unicastAddress: String) {
        self.init(
            username: username,
            sessionID: String(sessionID),
            sessionVersion: String(sessionVersion),
            addressType: SDPConnection.addressType(of: unicastAddress),
            unicastAddress: unicastAddress
        )
    }

    /// ``sessionID`` as a number, or `nil` when it is not a decimal number that fits 64 bits.
    public var numericSessionID: UInt64? {
        self.sessionID.utf8.sdpDecimal()
    }

    /// ``sessionVersion`` as a number, or `nil` when it is not a decimal number that fits 64 bits.
    public var numericSessionVersion: UInt64? {
        self.sessionVersion.utf8.sdpDecimal()
    }
}
