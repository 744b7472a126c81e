/// A SIP method name (case-sensitive, RFC 3261 §7.1), with the methods the SIP RFCs define as constants.
public struct SIPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { self.rawValue }

    public static let invite = Self(rawValue: "INVITE")
    public static let ack = Self(rawValue: "ACK")
    public static let bye = Self(rawValue: "BYE")
    public static let cancel = Self(rawValue: "CANCEL")
    public static let options = Self(rawValue: "OPTIONS")
    public static let register = Self(rawValue: "REGISTER")
    public static let prack = Self(rawValue: "PRACK")
    public static let subscribe = Self(rawValue: "SUBSCRIBE")
    public static let notify = Self(rawValue: "NOTIFY")
    public static let publish = Self(rawValue: "PUBLISH")
    public static let info = Self(rawValue: "INFO")
    public static let refer = Self(rawValue: "REFER")
    public static let message = Self(rawValue: "MESSAGE")
    public static let update = Self(rawValue: "UPDATE")

    /// Every method defined by RFC 3261 and the extensions listed above.
    public static let known: [SIPMethod] = [
        .invite, .ack, .bye, .cancel, .options, .register, .prack, .subscribe, .notify, .publish, .info, .refer,
        .message, .update,
    ]

    /// Whether this is one of ``known``.
    public var isKnown: Bool { Self.known.contains(self) }

    private static let knownBytes: [[UInt8]] = Self.known.map { Array($0.rawValue.utf8) }

    static func isKnown(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        outer: for m in Self.knownBytes where m.count == range.count {
            var j = 0
            for i in range {
                if p[i] != m[j] { continue outer }
                j += 1
            }
            return true
        }
        return false
    }
}
