import Foundation
import HTTPTypes
public import Hummingbird
import Logging

/// Lets a request through only with a live session cookie or a valid bearer token, except on the public paths
/// (`/health`, `/login`, `/assets/…`). Unauthenticated page requests are sent to the login page; API, events and
/// metrics requests get 401. A state-changing request whose `Origin` names another host is refused (403): with
/// `SameSite=Strict` cookies and per-session CSRF tokens checked by the handlers, this is the third guard.
public struct AccessMiddleware: RouterMiddleware {
    public typealias Context = WebRequestContext

    /// The session cookie's name.
    public static let cookieName = "hp_session"

    let sessions: SessionStore
    let tokens: @Sendable () -> [TokenDigest]

    /// A middleware checking `sessions` and the tokens `tokens` returns (read per request, so they can change).
    public init(sessions: SessionStore, tokens: @escaping @Sendable () -> [TokenDigest]) {
        self.sessions = sessions
        self.tokens = tokens
    }

    public func handle(
        _ request: Request,
        context: WebRequestContext,
        next: (Request, WebRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if Self.isPublic(path) { return try await next(request, context) }
        if request.method != .get && request.method != .head, let origin = request.headers[.origin],
            !Self.sameOrigin(origin, host: request.head.authority ?? "")
        {
            return WebResponses.plain(.forbidden, "cross-origin request refused\n")
        }
        var context = context
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let token = String(authorization.dropFirst(7))
            if self.tokens().contains(where: { $0.matches(token) }) {
                context.authentication = .token
                return try await next(request, context)
            }
        } else if let id = request.cookies[Self.cookieName]?.value, let session = self.sessions.session(id: id) {
            context.authentication = .session(session)
            return try await next(request, context)
        }
        if Self.isMachinePath(path) {
            var response = WebResponses.json(.unauthorized, #"{"error":"unauthorized"}"#)
            response.headers[.wwwAuthenticate] = #"Bearer realm="honeyphone""#
            return response
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return WebResponses.redirect(to: "/login?next=" + FormFields.percentEncoded(Links.safeLocal(target)))
    }

    /// Paths served without credentials.
    static func isPublic(_ path: String) -> Bool {
        path == "/health" || path == "/login" || path.hasPrefix("/assets/")
    }

    /// Paths for programs rather than browsers: 401 instead of a redirect.
    static func isMachinePath(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/metrics" || path == "/events"
    }

    /// Whether an `Origin` (`scheme://host[:port]`) names `host` (the `Host` header, with its port).
    static func sameOrigin(_ origin: String, host: String) -> Bool {
        guard let range = origin.range(of: "://") else { return false }
        return origin[range.upperBound...].lowercased() == host.lowercased()
    }
}

/// Security headers on every response: a strict Content-Security-Policy (no inline script or style, nothing
/// from other origins), no sniffing, no framing, no referrer to other sites (`same-origin`: with `no-referrer`
/// browsers send `Origin: null` on form posts, which the origin check refuses), no caching of pages.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy.
    public static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The middleware.
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // Every failure becomes a response here, so that it carries the headers below: the API's as JSON.
            let status: HTTPResponse.Status
            let message: String
            if let error = error as? HTTPError {
                status = error.status
                message = error.body ?? error.status.reasonPhrase
            } else if let error = error as? any HTTPResponseError {
                status = error.status
                message = status.reasonPhrase
            } else {
                status = .internalServerError
                message = "internal error"
                context.logger.error("web request failed", metadata: ["honeyphone.web.error": "\(error)"])
            }
            if request.uri.path.hasPrefix("/api/") {
                response = WebResponses.json(status, WebSite.json(APIError(error: message)))
            } else {
                response = WebResponses.plain(status, message + "\n")
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicyHeader] = "same-origin"
        if !request.uri.path.hasPrefix("/assets/") && response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var referrerPolicyHeader: Self { .init("Referrer-Policy")! }
}
