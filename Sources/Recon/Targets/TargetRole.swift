/// Why a host is on the list under interrogation (paper §VII-B "dispersion of source points").
///
/// The five source points A–E of the paper come first; the other roles are the remaining hosts of
/// §VI-B (every other Via, Record-Route, Route, and the From domain itself).
public enum TargetRole: String, Hashable, Sendable, CaseIterable, Comparable {
    /// A: the sent-by host of the first (top) Via, the signalling source.
    case signalingSource = "A"
    /// B: the host of the (first) Contact URI.
    case contact = "B"
    /// C: the SDP connection address (`c=`), the media source.
    case mediaConnection = "C"
    /// D: the SDP owner address (`o=`).
    case mediaOwner = "D"
    /// E: a host returned by locating the From URI (RFC 3263).
    case fromLocation = "E"
    /// The domain of the From URI, as written.
    case fromDomain = "from-domain"
    /// The sent-by host of a Via other than the first.
    case via = "via"
    /// A Record-Route host.
    case recordRoute = "record-route"
    /// A Route host.
    case route = "route"

    /// Whether this is one of the paper's five source points A–E.
    public var isSourcePoint: Bool {
        switch self {
        case .signalingSource, .contact, .mediaConnection, .mediaOwner, .fromLocation: return true
        case .fromDomain, .via, .recordRoute, .route: return false
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
