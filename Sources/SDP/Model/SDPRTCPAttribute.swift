/// An `a=rtcp` value (RFC 3605): `<port> [<nettype> <addrtype> <connection-address>]`, the RTCP port when it is
/// not the RTP port plus one.
public struct SDPRTCPAttribute: Sendable, Hashable {
    /// The RTCP port.
    public var port: UInt16

    /// The RTCP address, when it differs from the media's connection address.
    public var connection: SDPConnection?

    /// Creates an rtcp attribute.
    public init(port: UInt16, connection: SDPConnection? = nil) {
        self.port = port
        self.connection = connection
    }

    /// Parses an `a=rtcp` attribute value, or returns `nil` when it is malformed.
    public init?(attributeValue: String) {
        guard let value = try? Self(parsing: attributeValue.utf8) else {
            return nil
        }
        self = value
    }

    /// The `a=rtcp` attribute value, for example `53020 IN IP4 126.16.64.4`.
    public var attributeValue: String {
        guard let connection = self.connection else {
            return String(self.port)
        }
        return "\(self.port) \(connection.networkType) \(connection.addressType) \(connection.address)"
    }

    /// Parses `<port>` or `<port> <nettype> <addrtype> <address>` (no TTL or count suffix is interpreted).
    init(parsing bytes: some Collection<UInt8>) throws(SDPValueError) {
        let split = bytes.sdpFields(maximumFields: 4)
        guard !split.truncated, split.fields.count == 1 || split.fields.count == 4,
            let port = split.fields[0].sdpDecimal(maximum: UInt64(UInt16.max))
        else {
            throw .syntax
        }
        var connection: SDPConnection? = nil
        if split.fields.count == 4 {
            connection = SDPConnection(
                networkType: String(decoding: split.fields[1], as: UTF8.self),
                addressType: String(decoding: split.fields[2], as: UTF8.self),
                address: String(decoding: split.fields[3], as: UTF8.self)
            )
        }
        self.init(port: UInt16(port), connection: connection)
    }
}
