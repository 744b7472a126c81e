/// The administrator interface's settings, read by `HoneyphoneApp` from the environment file.
///
/// | key | value | default |
/// | --- | --- | --- |
/// | `web-listen` | `HOST:PORT` (IPv6 as `[::1]:8080`), or `none` to run without the interface | `127.0.0.1:8080` |
/// | `web-admin-password` | a hash made by `honeyphone web-password` (`pbkdf2-sha256$ROUNDS$SALT$HASH`) | generated at first start, stored in `DATA/web-admin` |
/// | `web-api-token` | `sha256:HEX` of a bearer token made by `honeyphone web-token`, repeatable | the one generated at first start |
/// | `web-session-idle` | how long a login lasts without use | `8h` |
///
/// The interface binds to loopback unless told otherwise; every page and API call needs the admin password (a
/// login session) or a bearer token, except `/health`, `/login` and the static `/assets/…`.
public struct WebConfiguration: Sendable, Hashable {
    /// The address to bind.
    public var host: String
    /// The TCP port (0: any free port, reported once bound).
    public var port: Int
    /// The admin password's hash; `nil` until set.
    public var passwordHash: PasswordHash?
    /// SHA-256 digests of the accepted bearer tokens.
    public var tokenDigests: [TokenDigest]
    /// How long a session lives without a request.
    public var sessionIdle: Duration
    /// The most sessions kept (the oldest is dropped beyond it).
    public var maximumSessions: Int
    /// Failed logins allowed per minute before the login answers 429.
    public var loginFailuresPerMinute: Int

    /// The defaults: loopback port 8080, no password yet, 8 h sessions.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        passwordHash: PasswordHash? = nil,
        tokenDigests: [TokenDigest] = [],
        sessionIdle: Duration = .seconds(8 * 3600),
        maximumSessions: Int = 64,
        loginFailuresPerMinute: Int = 10
    ) {
        self.host = host
        self.port = port
        self.passwordHash = passwordHash
        self.tokenDigests = tokenDigests
        self.sessionIdle = sessionIdle
        self.maximumSessions = maximumSessions
        self.loginFailuresPerMinute = loginFailuresPerMinute
    }
}
