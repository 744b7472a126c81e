/// The type letters of RFC 8866 §5, as bytes, and the order they must come in.
enum SDPLineType {
    /// `v=` protocol version (§5.1).
    static let version = UInt8(ascii: "v")
    /// `o=` origin (§5.2).
    static let origin = UInt8(ascii: "o")
    /// `s=` session name (§5.3).
    static let sessionName = UInt8(ascii: "s")
    /// `i=` session or media information (§5.4).
    static let information = UInt8(ascii: "i")
    /// `u=` URI (§5.5).
    static let uri = UInt8(ascii: "u")
    /// `e=` email address (§5.6).
    static let email = UInt8(ascii: "e")
    /// `p=` phone number (§5.6).
    static let phone = UInt8(ascii: "p")
    /// `c=` connection data (§5.7).
    static let connection = UInt8(ascii: "c")
    /// `b=` bandwidth (§5.8).
    static let bandwidth = UInt8(ascii: "b")
    /// `t=` time active (§5.9).
    static let timing = UInt8(ascii: "t")
    /// `r=` repeat times (§5.10).
    static let repeatTimes = UInt8(ascii: "r")
    /// `z=` time zone adjustments (§5.11).
    static let zoneAdjustments = UInt8(ascii: "z")
    /// `k=` encryption key, obsolete (§5.12).
    static let key = UInt8(ascii: "k")
    /// `a=` attribute (§5.13).
    static let attribute = UInt8(ascii: "a")
    /// `m=` media description (§5.14).
    static let media = UInt8(ascii: "m")

    /// The rank of a session-level line in RFC 8866 §5's order (`v o s i u e p c b (t r z) k a`), or `nil` for
    /// a type that is not a session-level line.
    static func sessionRank(of type: UInt8) -> Int? {
        switch type {
        case Self.version: return 0
        case Self.origin: return 1
        case Self.sessionName: return 2
        case Self.information: return 3
        case Self.uri: return 4
        case Self.email: return 5
        case Self.phone: return 6
        case Self.connection: return 7
        case Self.bandwidth: return 8
        case Self.timing, Self.repeatTimes, Self.zoneAdjustments: return 9
        case Self.key: return 10
        case Self.attribute: return 11
        default: return nil
        }
    }

    /// The rank of a media-level line in RFC 8866 §5's order (`m i c b k a`), or `nil` for a type that may not
    /// appear in a media section.
    static func mediaRank(of type: UInt8) -> Int? {
        switch type {
        case Self.media: return 0
        case Self.information: return 1
        case Self.connection: return 2
        case Self.bandwidth: return 3
        case Self.key: return 4
        case Self.attribute: return 5
        default: return nil
        }
    }
}
