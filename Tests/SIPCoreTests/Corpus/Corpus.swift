import Foundation
import NIOCore
import SIPCore

/// Loads the RFC 4475 / RFC 5118 messages shipped as test resources (byte-exact).
enum Corpus {
    static let root: URL = {
        Bundle.module.resourceURL!.appendingPathComponent("Messages")
    }()

    static func names(_ folder: String) -> [String] {
        let dir = Self.root.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".sip") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.root.appendingPathComponent(folder).appendingPathComponent(name + ".sip")))
    }

    static func parse(_ folder: String, _ name: String) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(try Self.bytes(folder, name))
    }
}

extension SIPMessage {
    var errorCodes: Set<String> { Set(self.anomalies.filter { $0.severity == .error }.map(\.code.rawValue)) }
    var warningCodes: Set<String> { Set(self.anomalies.filter { $0.severity == .warning }.map(\.code.rawValue)) }
}
