import Foundation
public import WebUI

/// `DATA/web-admin`: the admin password hash and API token digest made at first start, when the environment sets
/// no `web-admin-password`. Two lines, `password: pbkdf2-sha256$…` and `token: sha256:…`; mode 0600. The password
/// and the token themselves are printed once, at the start that makes them, and stored nowhere.
public enum WebAdminFile {
    /// The credentials in force for `configuration` with data folder `dataFolder`, and the line to print when they
    /// were made just now.
    public static func credentials(
        configuration: WebConfiguration,
        dataFolder: String
    ) throws -> (credentials: WebCredentials, announcement: String?) {
        if let hash = configuration.passwordHash {
            return (WebCredentials(password: hash, tokens: configuration.tokenDigests), nil)
        }
        let path = dataFolder + "/web-admin"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            var password: PasswordHash?
            var tokens = configuration.tokenDigests
            for line in text.split(separator: "\n") {
                if line.hasPrefix("password: ") { password = PasswordHash(text: String(line.dropFirst(10))) }
                if line.hasPrefix("token: "), let digest = TokenDigest(text: String(line.dropFirst(7))) {
                    tokens.append(digest)
                }
            }
            guard let password else { throw WebUIError(description: "\(path): no valid 'password:' line") }
            return (WebCredentials(password: password, tokens: tokens), nil)
        }
        let password = Secrets.password()
        let token = Secrets.token()
        let hash = try PasswordHash(password: password)
        let text = "password: \(hash)\ntoken: \(TokenDigest(token: token))\n"
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: path,
                contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600]
            )
        else { throw WebUIError(description: "cannot write \(path)") }
        return (
            WebCredentials(password: hash, tokens: configuration.tokenDigests + [TokenDigest(token: token)]),
            "honeyphone: web UI admin password \(password), API token \(token) (shown once; hashes in \(path))"
        )
    }
}
