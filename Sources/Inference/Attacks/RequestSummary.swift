/// What the attack-type labeller needs to know about one received request. Strings come from the wire:
/// the labeller only hashes or classifies them and never echoes them back.
public struct RequestSummary: Sendable, Hashable {
    /// The request methods the labeller tells apart.
    public enum Method: Sendable, Hashable {
        /// `INVITE`.
        case invite
        /// `REGISTER`.
        case register
        /// `OPTIONS`.
        case options
        /// Any other method.
        case other
    }

    /// The request's method.
    public var method: Method

    /// The source IP address as text (the key the labeller tracks).
    public var source: String

    /// Where the request was aimed (our local address and port, or the Request-URI's host and port).
    public var target: String?

    /// The user part of the Request-URI.
    public var requestURIUser: String?

    /// The user part of the To URI.
    public var toUser: String?

    /// Whether the request carries an Authorization or Proxy-Authorization header.
    public var hasAuthorization: Bool

    /// The `username` of that header.
    public var authUsername: String?

    /// Whether the request carries an SDP body with media.
    public var hasSDP: Bool

    /// How many error-severity parser anomalies the request had.
    public var errorAnomalies: Int

    /// How many warning-severity parser anomalies the request had.
    public var warningAnomalies: Int

    /// When the request arrived, as time since an origin the caller chooses (the start of the run).
    public var time: Duration

    /// The final response code when it is already known; otherwise record it later with
    /// ``AttackLabeller/recordResponse(_:for:)``.
    public var responseCode: Int?

    /// Creates a summary.
    public init(
        method: Method,
        source: String,
        target: String? = nil,
        requestURIUser: String? = nil,
        toUser: String? = nil,
        hasAuthorization: Bool = false,
        authUsername: String? = nil,
        hasSDP: Bool = false,
        errorAnomalies: Int = 0,
        warningAnomalies: Int = 0,
        time: Duration,
        responseCode: Int? = nil
    ) {
        self.method = method
        self.source = source
        self.target = target
        self.requestURIUser = requestURIUser
        self.toUser = toUser
        self.hasAuthorization = hasAuthorization
        self.authUsername = authUsername
        self.hasSDP = hasSDP
        self.errorAnomalies = errorAnomalies
        self.warningAnomalies = warningAnomalies
        self.time = time
        self.responseCode = responseCode
    }
}
