/// The media direction attributes of RFC 8866 §6.7 (`a=sendrecv`, `a=sendonly`, `a=recvonly`, `a=inactive`).
public enum SDPDirection: String, Sendable, Hashable, CaseIterable {
    /// Send and receive: the default when no direction attribute is present.
    case sendrecv = "sendrecv"
    /// Send only.
    case sendonly = "sendonly"
    /// Receive only.
    case recvonly = "recvonly"
    /// Neither send nor receive.
    case inactive = "inactive"

    /// Creates a direction from its send and receive halves.
    public init(sends: Bool, receives: Bool) {
        switch (sends, receives) {
        case (true, true): self = .sendrecv
        case (true, false): self = .sendonly
        case (false, true): self = .recvonly
        case (false, false): self = .inactive
        }
    }

    /// Whether this side sends media.
    public var sends: Bool {
        self == .sendrecv || self == .sendonly
    }

    /// Whether this side receives media.
    public var receives: Bool {
        self == .sendrecv || self == .recvonly
    }

    /// The direction an answerer that would like `preferred` uses for an offer in this direction (RFC 3264
    /// §6.1): it sends only if the offerer receives, and receives only if the offerer sends.
    public func answer(preferring preferred: SDPDirection = .sendrecv) -> SDPDirection {
        SDPDirection(sends: preferred.sends && self.receives, receives: preferred.receives && self.sends)
    }
}
