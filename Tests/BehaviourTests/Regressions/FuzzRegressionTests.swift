import Behaviour
import Foundation
import Testing

/// Inputs libFuzzer found (FuzzTesting/Sources/FuzzProfile): each must load or fail with a position, and a
/// profile that loads must print to text that loads and prints the same, warnings aside (a warning names its
/// position in the file it came from, which differs between the file and its print).
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? [])
            .filter { $0.hasSuffix(".profile") }.sorted()
    }

    @Test(arguments: Self.files)
    func printingIsStable(file: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        guard let profile = try? BehaviourProfile(parsing: Array(bytes), fileName: file) else { return }
        let printed = Self.withoutWarnings(ProfilePrinter.render(profile))
        let again = try BehaviourProfile(parsing: printed, fileName: "printed")
        let reprinted = Self.withoutWarnings(ProfilePrinter.render(again))
        #expect(reprinted == printed)
        if reprinted != printed {
            let a = printed.split(separator: "\n", omittingEmptySubsequences: false)
            let b = reprinted.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, (x, y)) in zip(a, b).enumerated() where x != y {
                Issue.record("line \(index + 1): \(x.debugDescription) became \(y.debugDescription)")
                break
            }
        }
    }

    static func withoutWarnings(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("# ") && $0.contains(": warning: ")) }.joined(separator: "\n")
    }
}
