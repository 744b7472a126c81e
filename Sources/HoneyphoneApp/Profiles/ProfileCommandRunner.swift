public import Behaviour

/// `honeyphone profile check FILE|NAME` and `honeyphone profile list`.
public struct ProfileCommandRunner: Sendable {
    /// The library (user folder and built-in profiles).
    public var library: ProfileLibrary

    /// A runner over `library`.
    public init(library: ProfileLibrary) {
        self.library = library
    }

    /// Validates a profile and prints the machine it builds: 0 valid, 65 invalid, 66 unreadable or not found.
    public func check(_ reference: String, print: (String) -> Void) -> Int32 {
        do throws(ProfileError) {
            let entry = try self.library.resolve(reference)
            let profile = try ProfileLibrary.load(entry)
            print(
                "# \(entry.name) (\(entry.source)): valid, \(profile.states.count) states, mode \(profile.mode.rawValue)"
            )
            if let realm = ProfileLibrary.registerChallengeRealm(profile) {
                print("# REGISTER requests are challenged with realm \"\(realm)\" (answered by the stack)")
            }
            var rendered = ProfilePrinter.render(profile)
            while rendered.hasSuffix("\n") { rendered.removeLast() }
            print(rendered)
            return 0
        } catch {
            switch error {
            case .invalid:
                print(error.description)
                return 65
            case .notFound, .unreadable:
                print(error.description)
                return 66
            }
        }
    }

    /// Lists the profiles database: name, source, mode, states, first comment line.
    public func list(print: (String) -> Void) -> Int32 {
        let entries = self.library.entries()
        var rows: [[String]] = [["NAME", "SOURCE", "MODE", "STATES", "DESCRIPTION"]]
        for entry in entries {
            let description =
                entry.text.split(separator: "\n").first { $0.hasPrefix("#") }.map {
                    String($0.dropFirst().drop(while: { $0 == " " }).prefix(70))
                } ?? ""
            switch Result(catching: { () throws(ProfileError) -> BehaviourProfile in try ProfileLibrary.load(entry) }) {
            case .success(let profile):
                rows.append([
                    entry.name, entry.source.description, profile.mode.rawValue, "\(profile.states.count)", description,
                ])
            case .failure:
                rows.append([entry.name, entry.source.description, "invalid", "-", "(honeyphone profile check)"])
            }
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                line += index == row.count - 1 ? cell : cell.padding(to: widths[index] + 2)
            }
            print(line)
        }
        return 0
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self.count >= width ? self + " " : self + String(repeating: " ", count: width - self.count)
    }
}

extension Result where Failure == ProfileError {
    fileprivate init(catching body: () throws(ProfileError) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}
