import Foundation
import NIOCore
import Recon
import SIPAuth
import SIPCore
import Storage

/// `honeyphone credentials`: the Digest credentials callers tried (Authorization and Proxy-Authorization of
/// every received REGISTER, INVITE or other request in the trace store), with the inputs needed to test a guess
/// offline, and optionally the guesses that match.
///
/// Text: one line per attempt, `TIME SOURCE METHOD user=… realm=… nonce=… uri=… response=… algorithm=… qop=…
/// nc=… cnonce=…`, then `password FOUND: "…"` when a guess matches. JSON (`--json`): one object per attempt with
/// the same fields and `"password"` (null when no guess matched). Attacker text is escaped in both.
public struct CredentialsCommandRunner: Sendable {
    /// The data folder whose `traces.sqlite` is read.
    public var dataFolder: String
    /// Passwords to test against every attempt.
    public var guesses: [String]
    public var json: Bool
    /// The most requests read.
    public var limit: Int

    /// A runner.
    public init(dataFolder: String, guesses: [String], json: Bool, limit: Int = 100_000) {
        self.dataFolder = dataFolder
        self.guesses = guesses
        self.json = json
        self.limit = limit
    }

    /// Reads a word list: one guess per line (at most 1,000,000 lines, 256 bytes each).
    public static func wordList(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).prefix(1_000_000).map { String($0.prefix(256)) }
    }

    /// Prints the attempts: 0 done, 66 no trace store.
    public func run(print: (String) -> Void) async throws -> Int32 {
        let path = self.dataFolder + "/traces.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            print("honeyphone: no trace store at \(path)")
            return 66
        }
        let store = try SQLiteTraceStore(path: path)
        var afterID: Int64? = nil
        var attempts = 0
        var found = 0
        var read = 0
        while read < self.limit {
            let page = try await store.query(
                TraceQuery(direction: .received, afterID: afterID, limit: min(2_000, self.limit - read))
            )
            if page.isEmpty { break }
            read += page.count
            afterID = page.last?.id
            for record in page where record.summary.kind == .request {
                guard let message = try? SIPMessageParser.parseDatagram(record.raw) else { continue }
                let body = Array(message.body.readableBytesView)
                for attempt in DigestAttempt.attempts(in: message, body: body) {
                    attempts += 1
                    let password = self.guesses.first { attempt.matches(password: $0) }
                    if password != nil { found += 1 }
                    print(self.json ? Self.json(record, attempt, password) : Self.text(record, attempt, password))
                }
            }
        }
        if !self.json {
            print("credentials: \(attempts) attempt(s) in \(read) received message(s); \(found) matched a guess")
        }
        return 0
    }

    static let fields: [(String, @Sendable (DigestAttempt) -> String?)] = [
        ("user", { $0.username }), ("realm", { $0.realm }), ("nonce", { $0.nonce }), ("uri", { $0.uri }),
        ("response", { $0.response }), ("algorithm", { $0.algorithm }), ("qop", { $0.qop }), ("nc", { $0.nc }),
        ("cnonce", { $0.cnonce }), ("opaque", { $0.opaque }),
    ]

    /// Control characters, backslashes and non-ASCII bytes as `\xNN`; nothing cut (the values are bounded by
    /// the parser's limits already, and a digest input must be complete to be tested).
    static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") {
                let hex = String(byte, radix: 16)
                result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    static func text(_ record: TraceRecord, _ attempt: DigestAttempt, _ password: String?) -> String {
        var line = "\(record.timestamp) \(record.remote) \(Self.escape(attempt.method))"
        for (name, value) in Self.fields {
            if let value = value(attempt) { line += " \(name)=" + Self.escape(value) }
        }
        if let password { line += "  password FOUND: \"" + Self.escape(password) + "\"" }
        if !attempt.isTestable { line += "  (not testable offline)" }
        return line
    }

    static func json(_ record: TraceRecord, _ attempt: DigestAttempt, _ password: String?) -> String {
        var members = [
            "\"time\":" + ReportRenderer.jsonString("\(record.timestamp)"),
            "\"source\":" + ReportRenderer.jsonString("\(record.remote)"),
            "\"method\":" + ReportRenderer.jsonString(attempt.method),
            "\"header\":" + ReportRenderer.jsonString(attempt.kind == .www ? "Authorization" : "Proxy-Authorization"),
        ]
        for (name, value) in Self.fields {
            members.append("\"\(name)\":" + (value(attempt).map(ReportRenderer.jsonString) ?? "null"))
        }
        members.append("\"testable\":\(attempt.isTestable)")
        members.append("\"password\":" + (password.map(ReportRenderer.jsonString) ?? "null"))
        return "{" + members.joined(separator: ",") + "}"
    }
}
