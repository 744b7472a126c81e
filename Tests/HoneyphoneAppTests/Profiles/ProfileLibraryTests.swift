import Agent
import Behaviour
import Foundation
import HoneyphoneApp
import Testing

@Suite struct ProfileLibraryTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "honeyphone-profiles-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func everyShippedProfileIsEmbeddedVerbatimAndLoads() throws {
        let folder = Self.repository.appendingPathComponent("Profiles").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".profile") }
        let library = ProfileLibrary(userFolder: nil)
        let builtIn = library.entries()
        #expect(files.count == builtIn.count)
        #expect(files.count >= 7)
        for file in files {
            let name = String(file.dropLast(8))
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let entry = try #require(builtIn.first { $0.name == name }, "\(name) is not embedded")
            #expect(entry.text == text, "\(name): Profiles/\(file) and BuiltInProfiles differ")
            _ = try ProfileLibrary.load(entry)
        }
    }

    @Test func userProfilesShadowBuiltInOnesAndPathsWork() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mine = "Mode : Deterministic\nIdle {\n  INVITE/OpReject(603)\n}\n"
        try mine.write(toFile: folder + "/busy.profile", atomically: true, encoding: .utf8)
        try mine.write(toFile: folder + "/mine.profile", atomically: true, encoding: .utf8)
        let library = ProfileLibrary(userFolder: folder)
        let entries = library.entries()
        #expect(entries.filter { $0.name == "busy" }.count == 1)
        #expect(try library.resolve("busy").source == .file(folder + "/busy.profile"))
        #expect(try library.resolve("mine").text == mine)
        #expect(try library.resolve("auto-answer").source == .builtIn)
        #expect(try library.resolve(folder + "/mine.profile").name == "mine")
        #expect(throws: ProfileError.self) { _ = try library.resolve("nothing-like-it") }
    }

    @Test func anInvalidProfileNamesItsLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Mode : Deterministic\nIdle {\n  INVITE/OpRing,\n  INVITE/OpFly(3),\n}\n".write(
            toFile: folder + "/bad.profile",
            atomically: true,
            encoding: .utf8
        )
        let library = ProfileLibrary(userFolder: folder)
        do {
            _ = try ActiveProfile(reference: "bad", library: library)
            Issue.record("an invalid profile loaded")
        } catch {
            #expect(error.description.hasPrefix(folder + "/bad.profile:4:10: error[unknown-operator]"))
        }
        var lines: [String] = []
        #expect(ProfileCommandRunner(library: library).check("bad") { lines.append($0) } == 65)
        #expect(lines.first?.contains(":4:10: error[unknown-operator]") == true)
    }

    @Test func reloadSwapsTheProfileAndAFailedReloadKeepsTheOldOne() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/live.profile"
        try "Mode : Deterministic\nIdle {\n  INVITE/OpReject(486)\n}\n".write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
        let active = try ActiveProfile(reference: "live", library: ProfileLibrary(userFolder: folder), seed: 1)
        #expect(active.registerRealm == nil)
        try "Mode : Deterministic\nIdle {\n  INVITE/OpChallenge(corp),\n  REGISTER/OpChallenge(corp)\n}\n".write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
        guard case .success = active.reload() else {
            Issue.record("reload failed")
            return
        }
        #expect(active.registerRealm == "corp")
        try "Mode : Deterministic\nIdle {\n  INVITE/OpChallenge(\n".write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
        guard case .failure(let error) = active.reload() else {
            Issue.record("a broken profile was accepted")
            return
        }
        #expect(error.description.contains("live.profile:4:1: error[syntax]"))
        #expect(active.registerRealm == "corp")
        #expect(active.profile.states.first?.rules.count == 2)
    }

    @Test func theRegistrarProfileChallengesRegisterAndListShowsEveryProfile() throws {
        let library = ProfileLibrary(userFolder: nil)
        let registrar = try ProfileLibrary.load(try library.resolve("registrar"))
        #expect(ProfileLibrary.registerChallengeRealm(registrar) == "honeyphone")
        #expect(ProfileLibrary.registerChallengeRealm(try ProfileLibrary.load(try library.resolve("busy"))) == nil)
        var lines: [String] = []
        #expect(ProfileCommandRunner(library: library).list { lines.append($0) } == 0)
        #expect(lines.first?.hasPrefix("NAME") == true)
        for name in ["auto-answer", "fig4-phone", "silent-logger", "busy", "voicemail", "registrar", "toll-fraud-bait"]
        {
            #expect(lines.contains { $0.hasPrefix(name + " ") }, "\(name) missing")
        }
    }

    @Test func aProfileFileBringsItsEnvironmentPartUnlessOneIsGiven() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Mode : Deterministic\nIdle {\n  INVITE/OpReject(486)\n}\n".write(
            toFile: folder + "/desk.profile",
            atomically: true,
            encoding: .utf8
        )
        try "identity: front-desk\nlisten: udp 127.0.0.1:5099\n".write(
            toFile: folder + "/desk.env",
            atomically: true,
            encoding: .utf8
        )
        let byPath = RunCommandRunner(
            environmentPath: nil,
            dataFolder: nil,
            port: nil,
            profile: folder + "/desk.profile"
        )
        #expect(byPath.effectiveEnvironmentPath == folder + "/desk.env")
        #expect(try byPath.loadEnvironment().identity == "front-desk")
        let byName = RunCommandRunner(
            environmentPath: nil,
            dataFolder: nil,
            port: nil,
            profile: "desk",
            profilesFolder: folder
        )
        #expect(byName.effectiveEnvironmentPath == folder + "/desk.env")
        let overridden = RunCommandRunner(environmentPath: "/x.env", dataFolder: nil, port: nil, profile: "desk")
        #expect(overridden.effectiveEnvironmentPath == "/x.env")
        let builtIn = RunCommandRunner(environmentPath: nil, dataFolder: nil, port: nil, profile: "busy")
        #expect(builtIn.effectiveEnvironmentPath == nil)
    }
}
