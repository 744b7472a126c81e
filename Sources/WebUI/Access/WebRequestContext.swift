public import Hummingbird

/// The request context of the administrator interface: who is asking (set by ``AccessMiddleware``).
public struct WebRequestContext: RequestContext {
    /// How the request was authenticated.
    public enum Authentication: Sendable, Hashable {
        /// A login session (cookie); state-changing requests must carry its CSRF token.
        case session(SessionStore.Session)
        /// A bearer token (API clients, Prometheus); no ambient credentials, so no CSRF token is needed.
        case token
    }

    public var coreContext: CoreRequestContextStorage
    /// `nil` on the public paths.
    public var authentication: Authentication?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.authentication = nil
    }

    /// The session's CSRF token, when the request came with a session.
    public var csrfToken: String? {
        if case .session(let session) = self.authentication { return session.csrfToken }
        return nil
    }

    /// Bodies larger than this are refused (the profile form is the largest legitimate one).
    public var maxUploadSize: Int { 512 * 1024 }
}
