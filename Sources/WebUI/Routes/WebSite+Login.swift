import HTTPTypes
import Hummingbird
import Logging

extension WebSite {
    /// `GET /login`, `POST /login` (password → session cookie), `POST /logout`.
    func addLoginRoutes(_ router: Router<WebRequestContext>) {
        router.get("/login") { request, _ in
            self.loginPage(next: request.queryFields["next"] ?? "/", error: nil, status: .ok)
        }
        router.post("/login") { request, context in
            var request = request
            let fields = try await request.formFields(context: context)
            let next = Links.safeLocal(fields["next"] ?? "/")
            guard self.sessions.loginAllowed() else {
                return self.loginPage(
                    next: next,
                    error: "Too many failed logins: wait a minute.",
                    status: .tooManyRequests
                )
            }
            guard let password = fields["password"], self.credentials.verify(password: password) else {
                self.sessions.loginFailed()
                self.logger.notice("web login failed")
                return self.loginPage(next: next, error: "Wrong password.", status: .unauthorized)
            }
            let session = self.sessions.open()
            var response = WebResponses.redirect(to: next == "/login" ? "/" : next)
            response.headers[.setCookie] =
                "\(AccessMiddleware.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        router.post("/logout") { request, context in
            var request = request
            let fields = try await request.formFields(context: context)
            try self.checkCSRF(fields, request, context)
            if case .session(let session) = context.authentication { self.sessions.close(id: session.id) }
            var response = WebResponses.redirect(to: "/login")
            response.headers[.setCookie] =
                "\(AccessMiddleware.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
            return response
        }
    }

    func loginPage(next: String, error: String?, status: HTTPResponse.Status) -> Response {
        var values: [String: Any] = ["next": Links.safeLocal(next)]
        if let error { values["error"] = error }
        return WebResponses.html(status, self.renderer.fragment("login", values: values))
    }
}
