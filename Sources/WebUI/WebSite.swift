import HTTPTypes
public import Hummingbird
public import Logging
public import Storage
import Synchronization

/// The stores the interface reads: traces, verdicts and their analytics (one SQLite database today).
public typealias WebStore = TraceAnalytics & TraceStore & VerdictStore

/// The administrator interface: its routes, over the stores and the running honeypot's backend.
///
/// Pages (HTML): `/` dashboard, `/traces`, `/messages/{id}`, `/calls`, `/call?id=`, `/sources`, `/routes?message=`,
/// `/alerts`, `/profiles`, `/profiles/{name}`, `/profiles/new`, `/exports`; `/login`, `/logout`; live updates at
/// `/events` (server-sent events); the REST API under `/api/v1/` (see `openapi.json`); Prometheus at `/metrics`;
/// `/health` for probes.
public struct WebSite: Sendable {
    let store: any WebStore
    let backend: any AdministrationBackend
    let renderer: PageRenderer
    let sessions: SessionStore
    let credentials: WebCredentials
    let metrics: WebMetrics
    let logger: Logger
    let liveStreams = LiveStreamCounter()

    /// A site over `store` and `backend` with these credentials.
    public init(
        store: any WebStore,
        backend: any AdministrationBackend,
        credentials: WebCredentials,
        configuration: WebConfiguration,
        metrics: WebMetrics,
        logger: Logger
    ) throws {
        self.store = store
        self.backend = backend
        self.renderer = try PageRenderer()
        self.sessions = SessionStore(
            idle: configuration.sessionIdle,
            maximum: configuration.maximumSessions,
            failuresPerMinute: configuration.loginFailuresPerMinute
        )
        self.credentials = credentials
        self.metrics = metrics
        self.logger = logger
    }

    /// The router with every route and the middlewares (security headers outermost, then access control).
    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware<WebRequestContext>())
        let credentials = self.credentials
        router.add(middleware: AccessMiddleware(sessions: self.sessions, tokens: { credentials.tokens }))
        router.get("/health") { _, _ in WebResponses.plain(.ok, "ok\n") }
        router.get("/assets/{name}") { _, context in try self.asset(context) }
        self.addLoginRoutes(router)
        self.addDashboardRoutes(router)
        self.addTraceRoutes(router)
        self.addAlertRoutes(router)
        self.addProfileRoutes(router)
        self.addExportRoutes(router)
        self.addLiveRoutes(router)
        self.addAPIRoutes(router)
        router.get("/metrics") { _, _ in
            WebResponses.make(
                .ok,
                await self.metrics.exposition(status: await self.backend.status()),
                contentType: "text/plain; version=0.0.4; charset=utf-8"
            )
        }
        return router
    }

    /// A static file of the module's `Assets` folder (names are looked up, never joined into paths).
    func asset(_ context: WebRequestContext) throws -> Response {
        if context.parameters.get("name") == "graphics.css" {
            var response = WebResponses.make(.ok, Charts.stylesheet, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "max-age=300"
            return response
        }
        // The OpenAPI document is an asset file but is served at /api/v1/openapi.json, behind authentication.
        guard let name = context.parameters.get("name"), name != "openapi.json", let bytes = self.renderer.assets[name]
        else {
            throw HTTPError(.notFound)
        }
        let type: String
        switch name.split(separator: ".").last {
        case "css": type = "text/css; charset=utf-8"
        case "js": type = "text/javascript; charset=utf-8"
        case "json": type = "application/json; charset=utf-8"
        case "svg": type = "image/svg+xml"
        default: type = "application/octet-stream"
        }
        var response = WebResponses.download(bytes, fileName: name, contentType: type)
        response.headers[.contentDisposition] = nil
        response.headers[.cacheControl] = "max-age=300"
        return response
    }

    /// An error page.
    func errorPage(
        _ status: HTTPResponse.Status,
        _ heading: String,
        _ text: String,
        context: WebRequestContext
    ) -> Response {
        self.renderer.page(
            "error",
            title: heading,
            navigation: "",
            identity: self.backend.identity,
            context: context,
            values: ["heading": heading, "text": text],
            status: status
        )
    }

    /// Checks the form's CSRF token against the session's (token-authenticated requests need none).
    func checkCSRF(_ fields: FormFields, _ request: Request, _ context: WebRequestContext) throws {
        switch context.authentication {
        case .token: return
        case .session(let session):
            let sent = fields["csrf"] ?? request.headers[.xCSRFToken] ?? ""
            guard ConstantTime.equal(Array(sent.utf8), Array(session.csrfToken.utf8)) else {
                throw HTTPError(.forbidden, message: "missing or wrong CSRF token")
            }
        case .none: throw HTTPError(.unauthorized)
        }
    }

    /// Now, as a trace timestamp.
    static var now: TraceTimestamp {
        TraceTimestamp(nanosecondsSinceEpoch: WallClock.nanosecondsSinceEpoch())
    }
}

/// The admin password hash and the accepted token digests, replaceable while running.
public final class WebCredentials: Sendable {
    let state: Mutex<(password: PasswordHash?, tokens: [TokenDigest])>

    /// Credentials.
    public init(password: PasswordHash?, tokens: [TokenDigest]) {
        self.state = Mutex((password, tokens))
    }

    /// Whether `password` is the admin password.
    public func verify(password: String) -> Bool {
        guard let hash = self.state.withLock({ $0.password }) else { return false }
        return hash.verify(password)
    }

    /// The accepted token digests.
    public var tokens: [TokenDigest] { self.state.withLock { $0.tokens } }
}

extension HTTPField.Name {
    static var xCSRFToken: Self { .init("X-CSRF-Token")! }
}
