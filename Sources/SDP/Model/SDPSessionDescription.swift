/// A session description (RFC 8866 §5), as parsed from an attacker's body or built for an answer.
///
/// The semantic fields mirror the lines of RFC 8866 §5 in their order. A parsed description also carries the
/// evidence: ``lines`` (every line as it arrived, with its offset) and ``anomalies`` (every deviation found,
/// ordered by offset). A built description has neither; compare a parsed one with a built one through
/// ``removingEvidence()``.
///
/// Fields that a body may lack (`v=`, `o=`, `s=`) are optional, so that a description without them can be
/// modelled and serialized back as it was.
public struct SDPSessionDescription: Sendable, Hashable {
    /// The protocol version (`v=`); 0 is the only one defined.
    public var version: Int?

    /// The origin (`o=`).
    public var origin: SDPOrigin?

    /// The session name (`s=`).
    public var sessionName: String?

    /// The session information (`i=`).
    public var information: String?

    /// The URI of a description of the session (`u=`).
    public var uri: String?

    /// The email addresses (`e=` lines).
    public var emails: [String]

    /// The phone numbers (`p=` lines).
    public var phones: [String]

    /// The session-level connection (`c=`), the default for media sections that have none.
    public var connection: SDPConnection?

    /// The session-level bandwidth lines (`b=`).
    public var bandwidths: [SDPBandwidth]

    /// The time descriptions (`t=` with its `r=` and `z=` lines).
    public var timings: [SDPTiming]

    /// The obsolete session-level encryption key (`k=`), raw.
    public var key: String?

    /// The session-level attributes (`a=`), in order.
    public var attributes: [SDPAttribute]

    /// The media sections (`m=`), in order.
    public var media: [SDPMediaDescription]

    /// Every line of the parsed body, in order (evidence); empty for a built description.
    public var lines: [SDPLine]

    /// Every deviation from RFC 8866 found while parsing, ordered by offset; empty for a built description.
    public var anomalies: [SDPAnomaly]

    /// Creates a description. The defaults make a minimal valid session apart from the origin: `v=0`, `s=-`,
    /// `t=0 0`.
    public init(
        version: Int? = 0,
        origin: SDPOrigin? = nil,
        sessionName: String? = "-",
        information: String? = nil,
        uri: String? = nil,
        emails: [String] = [],
        phones: [String] = [],
        connection: SDPConnection? = nil,
        bandwidths: [SDPBandwidth] = [],
        timings: [SDPTiming] = [SDPTiming()],
        key: String? = nil,
        attributes: [SDPAttribute] = [],
        media: [SDPMediaDescription] = [],
        lines: [SDPLine] = [],
        anomalies: [SDPAnomaly] = []
    ) {
        self.version = version
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phones = phones
        self.connection = connection
        self.bandwidths = bandwidths
        self.timings = timings
        self.key = key
        self.attributes = attributes
        self.media = media
        self.lines = lines
        self.anomalies = anomalies
    }

    /// This description without ``lines`` and ``anomalies``: the semantic content alone, for comparing a parsed
    /// description with a built one.
    public func removingEvidence() -> SDPSessionDescription {
        var copy = self
        copy.lines = []
        copy.anomalies = []
        return copy
    }

    /// Whether any anomaly has severity ``SDPAnomaly/Severity/error``: a strict RFC 8866 parser would have
    /// rejected the body.
    public var hasErrors: Bool {
        self.anomalies.contains { $0.severity == .error }
    }
}
