/// The one SIP request Recon sends: an honest OPTIONS (RFC 3261 §11) with a fixed, documented shape, so
/// operators who see it can tell what it is and signature databases can recognise it.
///
/// ```
/// OPTIONS sip:<target>:<port> SIP/2.0
/// Via: SIP/2.0/<UDP|TCP> <local>:<local port>;branch=z9hG4bK-hpr-<16 hex>;rport
/// Max-Forwards: <n, 70 by default>
/// From: <sip:recon@<local>>;tag=hpr<16 hex>
/// To: <sip:<target>:<port>>
/// Call-ID: hpr-<24 hex>@<local>
/// CSeq: 1 OPTIONS
/// User-Agent: Honeyphone-Recon/1
/// Accept: application/sdp
/// Content-Length: 0
/// ```
public struct SIPProbeRequest: Hashable, Sendable {
    /// The User-Agent value.
    public static let userAgent = "Honeyphone-Recon/1"

    /// The Via branch.
    public var branch: String
    /// The From tag.
    public var tag: String
    /// The Call-ID (responses are matched on it).
    public var callID: String

    /// Creates fresh random identifiers for a probe from `local`.
    public init(local: IPAddress) {
        self.branch = "z9hG4bK-hpr-" + Self.hex(UInt64.random(in: .min ... .max), digits: 16)
        self.tag = "hpr" + Self.hex(UInt64.random(in: .min ... .max), digits: 16)
        self.callID =
            "hpr-" + Self.hex(UInt64.random(in: .min ... .max), digits: 16)
            + Self.hex(UInt64.random(in: .min ... .max), digits: 8) + "@" + Self.hostText(local)
    }

    /// The request bytes.
    public func bytes(
        target: IPAddress,
        port: Int,
        transport: SIPTransportKind,
        local: IPAddress,
        localPort: Int,
        maxForwards: Int = 70
    ) -> [UInt8] {
        let targetText = "\(Self.hostText(target)):\(port)"
        let localText = Self.hostText(local)
        let transportText = transport == .udp ? "UDP" : transport == .tcp ? "TCP" : "TLS"
        var text = "OPTIONS sip:\(targetText) SIP/2.0\r\n"
        text += "Via: SIP/2.0/\(transportText) \(localText):\(localPort);branch=\(self.branch);rport\r\n"
        text += "Max-Forwards: \(max(0, min(255, maxForwards)))\r\n"
        text += "From: <sip:recon@\(localText)>;tag=\(self.tag)\r\n"
        text += "To: <sip:\(targetText)>\r\n"
        text += "Call-ID: \(self.callID)\r\n"
        text += "CSeq: 1 OPTIONS\r\n"
        text += "User-Agent: \(Self.userAgent)\r\n"
        text += "Accept: application/sdp\r\n"
        text += "Content-Length: 0\r\n\r\n"
        return Array(text.utf8)
    }

    static func hostText(_ address: IPAddress) -> String {
        address.isIPv4 ? address.description : "[\(address)]"
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.suffix(digits))
    }
}
