public import Agent
public import Behaviour
import Foundation

/// The profiles database (paper §VI-A): the profiles shipped with Honeyphone (`Profiles/` in the repository,
/// embedded in the binary) and the administrator's own, one `NAME.profile` file each in a user folder.
///
/// A profile is two parts (the paper's environment and behaviour parts), two files: the behaviour is
/// `NAME.profile` (the clause language of Fig. 4); the environment is `NAME.env` beside it (the environment
/// grammar), used by `honeyphone run --profile` when no `--environment` is given; `--environment` overrides it,
/// and a profile without one (the shipped ones) runs on the embedded default environment.
public struct ProfileLibrary: Sendable {
    /// Where a profile comes from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// Shipped with Honeyphone.
        case builtIn
        /// A file.
        case file(String)

        public var description: String {
            switch self {
            case .builtIn: return "built-in"
            case .file(let path): return path
            }
        }
    }

    /// A profile found in the library.
    public struct Entry: Sendable {
        /// The name (`auto-answer`; a file's base name).
        public var name: String
        /// Where it is.
        public var source: Source
        /// Its text.
        public var text: String
    }

    /// The largest profile file read (the parser's own limit is the same by default).
    public static let maximumFileBytes = 1 << 20

    /// The user folder (`nil`: built-in profiles only).
    public var userFolder: String?

    /// A library with an optional user folder.
    public init(userFolder: String?) {
        self.userFolder = userFolder
    }

    /// Every profile: the user folder's `*.profile` files (sorted), then the built-in ones not shadowed by them.
    public func entries() -> [Entry] {
        var found: [Entry] = []
        if let folder = self.userFolder,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        {
            for file in names.sorted() where file.hasSuffix(".profile") && !file.hasPrefix(".") {
                let path = folder + "/" + file
                guard let text = try? Self.read(path) else { continue }
                found.append(Entry(name: String(file.dropLast(8)), source: .file(path), text: text))
            }
        }
        for (name, text) in BuiltInProfiles.all where !found.contains(where: { $0.name == name }) {
            found.append(Entry(name: name, source: .builtIn, text: text))
        }
        return found
    }

    /// `NAME` (a user profile, else a built-in one) or a path to a `.profile` file.
    public func resolve(_ reference: String) throws(ProfileError) -> Entry {
        if reference.contains("/") || reference.hasSuffix(".profile") {
            return Entry(name: Self.baseName(reference), source: .file(reference), text: try Self.read(reference))
        }
        if let entry = self.entries().first(where: { $0.name == reference }) { return entry }
        throw .notFound(reference)
    }

    /// Parses an entry; errors are `file:line:column: error[code]: message`.
    public static func load(_ entry: Entry) throws(ProfileError) -> BehaviourProfile {
        let fileName: String
        switch entry.source {
        case .builtIn: fileName = "built-in:\(entry.name)"
        case .file(let path): fileName = path
        }
        do {
            return try BehaviourProfile(parsing: entry.text, fileName: fileName)
        } catch {
            throw .invalid(error.description)
        }
    }

    static func read(_ path: String) throws(ProfileError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumFileBytes + 1) else { throw .unreadable(path) }
        guard data.count <= Self.maximumFileBytes else {
            throw .invalid("\(path): larger than \(Self.maximumFileBytes) bytes")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func baseName(_ path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".profile") { name = name.dropLast(8) }
        return String(name)
    }

    /// The realm of the initial state's `REGISTER/OpChallenge(realm)` rule, if any (REGISTER is answered by the
    /// stack, outside calls, so the profile's registrar rule is applied there).
    public static func registerChallengeRealm(_ profile: BehaviourProfile) -> String? {
        guard let initial = profile.states.first else { return nil }
        for rule in initial.rules {
            guard case .request(let method) = rule.event, method == "REGISTER", case .call(let call) = rule.step,
                call.operation.name == .opChallenge
            else { continue }
            if case .text(let realm) = call.operation.arguments.first { return realm }
        }
        return nil
    }
}

/// Why a profile could not be used.
public enum ProfileError: Error, Sendable, CustomStringConvertible {
    /// No profile by that name.
    case notFound(String)
    /// The file cannot be read.
    case unreadable(String)
    /// The profile is invalid: the parser's `file:line:column: error[code]: message`.
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let name):
            return "no profile named '\(name.prefix(80))' (see honeyphone profile list)"
        case .unreadable(let path): return "cannot read \(path.prefix(200))"
        case .invalid(let message): return message
        }
    }
}
