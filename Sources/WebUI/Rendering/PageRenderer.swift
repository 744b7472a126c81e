import Foundation
public import Hummingbird
import Mustache

/// The page templates (Mustache, shipped as resources) and the chrome every page shares.
///
/// Templates escape every `{{value}}` for HTML (`& < > " '`); values are written into element content and
/// double-quoted attributes only, never into scripts, styles or unquoted attributes. The only unescaped
/// insertions (`{{{svg}}}`) are SVG strings made by `WebGraphics`, which escapes its own text.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The static files (`app.css`, `app.js`, `graphics.css`, `openapi.json`) by name.
    public let assets: [String: [UInt8]]

    /// Loads the templates and assets from the module's resources.
    public init() throws {
        var library = MustacheLibrary()
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let assets = Bundle.module.url(forResource: "Assets", withExtension: nil)
        else { throw WebUIError.resourcesMissing }
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path).sorted()
        where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: assets.path) {
            files[name] = [UInt8](try Data(contentsOf: assets.appendingPathComponent(name)))
        }
        self.library = library
        self.assets = files
    }

    /// Renders template `name` with `values` plus the chrome: `title`, `identity`, `page`, `nav.<page>`, `csrf`.
    public func page(
        _ name: String,
        title: String,
        navigation: String,
        identity: String,
        context: WebRequestContext,
        values: [String: Any],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var all = values
        all["title"] = title
        all["identity"] = identity
        all["page"] = name
        all["nav"] = [navigation: true]
        all["csrf"] = context.csrfToken ?? ""
        return WebResponses.html(status, self.library.render(all, withTemplate: name) ?? "template \(name) missing")
    }

    /// Renders a template without the chrome (fragments, the login page).
    public func fragment(_ name: String, values: [String: Any]) -> String {
        self.library.render(values, withTemplate: name) ?? ""
    }
}

/// Errors of the administrator interface's own making.
public struct WebUIError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    /// An error with this text.
    public init(description: String) {
        self.description = description
    }

    /// The templates or assets are not beside the executable.
    public static let resourcesMissing = WebUIError(description: "the web UI's templates and assets are missing")
}
