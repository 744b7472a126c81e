import Hummingbird

extension WebSite {
    /// `GET /profiles`, `GET /profiles/{name}`, `POST /profiles/activate`, `GET|POST /profiles/new`.
    func addProfileRoutes(_ router: Router<WebRequestContext>) {
        router.get("/profiles") { request, context in
            let fields = request.queryFields
            return await self.profilesPage(
                context,
                message: fields["activated"].map { "Active profile: \($0)." },
                error: nil
            )
        }
        router.post("/profiles/activate") { request, context in
            var request = request
            let fields = try await request.formFields(context: context)
            try self.checkCSRF(fields, request, context)
            guard let name = fields["name"], ProfileName.isValid(name) else {
                return await self.profilesPage(context, message: nil, error: "No such profile.")
            }
            switch await self.backend.activateProfile(named: name) {
            case .success: return WebResponses.redirect(to: Links.query("/profiles", [("activated", name)]))
            case .failure(let problem):
                return await self.profilesPage(context, message: nil, error: "Not activated: \(problem.message)")
            }
        }
        router.get("/profiles/new") { _, context in
            self.newProfilePage(
                context,
                values: ["name": "", "behaviour": ProfileTemplate.behaviour, "environment": ""]
            )
        }
        router.post("/profiles/new") { request, context in
            var request = request
            let fields = try await request.formFields(context: context)
            try self.checkCSRF(fields, request, context)
            let name = fields["name"] ?? ""
            let behaviour = fields["behaviour"] ?? ""
            let environment = fields["environment"] ?? ""
            var values: [String: Any] = ["name": name, "behaviour": behaviour, "environment": environment]
            var problems: [ProfileProblem] = []
            if !ProfileName.isValid(name) {
                problems.append(
                    ProfileProblem(
                        part: "name",
                        line: nil,
                        column: nil,
                        message: "use 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit"
                    )
                )
            }
            if fields["action"] == "save" && problems.isEmpty {
                switch await self.backend.saveProfile(name: name, behaviour: behaviour, environment: environment) {
                case .success: return WebResponses.redirect(to: "/profiles/" + name)
                case .failure(.invalid(let found)): problems += found
                case .failure(.notWritten(let reason)):
                    problems.append(ProfileProblem(part: "name", line: nil, column: nil, message: reason))
                }
            } else {
                problems += await self.backend.checkProfile(name: name, behaviour: behaviour, environment: environment)
                values["checked"] = problems.isEmpty
            }
            values["hasProblems"] = !problems.isEmpty
            values["problems"] = problems.map { problem -> [String: Any] in
                var item: [String: Any] = ["part": problem.part, "message": problem.message]
                if let line = problem.line { item["line"] = line }
                if let column = problem.column { item["column"] = column }
                return item
            }
            return self.newProfilePage(context, values: values, status: problems.isEmpty ? .ok : .unprocessableContent)
        }
        router.get("/profiles/{name}") { _, context in
            guard let name = context.parameters.get("name"), ProfileName.isValid(name),
                let detail = await self.backend.profile(named: name)
            else {
                return self.errorPage(.notFound, "No such profile", "The profile does not exist.", context: context)
            }
            var values: [String: Any] = [
                "name": detail.summary.name, "source": detail.summary.source, "states": detail.summary.states,
                "active": detail.summary.active, "behaviour": detail.behaviour,
                "diagram": Charts.stateDiagram(detail),
            ]
            if let environment = detail.environment { values["environment"] = environment }
            return self.renderer.page(
                "profile",
                title: "Profile \(name)",
                navigation: "profiles",
                identity: self.backend.identity,
                context: context,
                values: values
            )
        }
    }

    func profilesPage(_ context: WebRequestContext, message: String?, error: String?) async -> Response {
        let profiles = await self.backend.profiles()
        var values: [String: Any] = [
            "profiles": profiles.map { profile -> [String: Any] in
                var item: [String: Any] = [
                    "name": profile.name, "source": profile.source, "states": profile.states, "active": profile.active,
                    "hasEnvironment": profile.hasEnvironment,
                    "link": "/profiles/" + FormFields.percentEncoded(profile.name),
                ]
                if let problem = profile.problem { item["problem"] = problem }
                return item
            }
        ]
        if let message { values["message"] = message }
        if let error { values["error"] = error }
        return self.renderer.page(
            "profiles",
            title: "Profiles",
            navigation: "profiles",
            identity: self.backend.identity,
            context: context,
            values: values
        )
    }

    func newProfilePage(
        _ context: WebRequestContext,
        values: [String: Any],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        self.renderer.page(
            "profile-new",
            title: "New profile",
            navigation: "profiles",
            identity: self.backend.identity,
            context: context,
            values: values,
            status: status
        )
    }
}

/// Profile names: the file name stem in the profiles folder, so a closed alphabet (no path separators).
public enum ProfileName {
    /// Whether `name` is 1–64 of `[A-Za-z0-9._-]`, starting with a letter or digit.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
                || $0 == "_"
        }
    }
}

/// The text the new-profile form starts with: the paper's Fig. 4 shape, answering after ringing.
enum ProfileTemplate {
    static let behaviour = """
        # A behaviour profile in the language of the paper's Fig. 4: states, then event/operator transitions.
        # Check it, then save it; activate it on the Profiles page.
        Mode : Deterministic
        Idle {
          INVITE/OpInvestigate,
          INVITE/OpRing,
        }
        Ringing {
          entry/OpStartRing(5),
          ringtimeout/OpAnswerCall,
          CANCEL/OpRingCancel,
        }
        InCall {
          entry/OpRecord,
          entry/OpHangupAfter(60),
          BYE/OpEndCall,
        }
        """
}
