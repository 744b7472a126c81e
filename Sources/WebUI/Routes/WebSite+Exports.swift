import Hummingbird

extension WebSite {
    /// `GET /exports`, `GET /exports/blocklist?format=&min_belief=`.
    func addExportRoutes(_ router: Router<WebRequestContext>) {
        router.get("/exports") { _, context in
            self.renderer.page(
                "exports",
                title: "Exports",
                navigation: "exports",
                identity: self.backend.identity,
                context: context,
                values: [:]
            )
        }
        router.get("/exports/blocklist") { request, _ in try await self.blockList(request) }
    }

    func blockList(_ request: Request) async throws -> Response {
        let fields = request.queryFields
        let format = fields["format"] ?? "plain"
        guard ["plain", "nftables", "ipset"].contains(format) else {
            throw HTTPError(.badRequest, message: "format is plain, nftables or ipset")
        }
        let belief = fields["min_belief"].map { Double($0) ?? .nan } ?? 0.8
        guard belief.isFinite, (0...1).contains(belief) else {
            throw HTTPError(.badRequest, message: "min_belief is a number in [0, 1]")
        }
        let text = try await self.backend.blockList(format: format, minimumBelief: belief)
        let name = ["plain": "blocklist.txt", "nftables": "blocklist.nft", "ipset": "blocklist.ipset"][format]!
        return WebResponses.download(Array(text.utf8), fileName: name, contentType: "text/plain; charset=utf-8")
    }
}
