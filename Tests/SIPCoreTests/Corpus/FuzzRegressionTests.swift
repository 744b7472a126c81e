import Foundation
import NIOCore
import SIPCore
import Testing

/// Inputs that broke parsers (ours, found by the fuzzers, and truncated headers that broke other SIP
/// parsers): each must parse or be rejected, and every typed accessor must be readable. They must only
/// not crash.
@Suite struct FuzzRegressionTests {
    static let truncatedHeaders: [String] = [
        "V:", "V:/", "m:0\"<", "0 s SIP\r\n0", "INVITE sip:a SIP/2.0\r\nv:", "INVITE sip:a SIP/2.0\r\nv: SIP/",
        "INVITE sip:a SIP/2.0\r\nm: \"", "INVITE sip:a SIP/2.0\r\nf: <", "INVITE sip:a SIP/2.0\r\nt: a <sip:",
        "SIP/2.0 200\r\nl: 99999999999999999999999\r\n\r\n", "INVITE sip:[ SIP/2.0\r\n\r\n",
        "INVITE sip:a@[::1 SIP/2.0\r\n\r\n", "INVITE sip:a@b:99999999999999999999 SIP/2.0\r\n\r\n",
        "INVITE sip:%%%@b SIP/2.0\r\nv: SIP/2.0/UDP [::1]:;branch\r\n\r\n",
        "OPTIONS sip:a SIP/2.0\r\nAuthorization: Digest a=\"\r\n\r\n", "OPTIONS sip:a SIP/2.0\r\nc: a/\r\n\r\n",
        "OPTIONS sip:a SIP/2.0\r\nContact: *,*,<\r\n\r\n", "OPTIONS sip:a SIP/2.0\r\n \r\n\r\n",
    ]

    @Test(arguments: Self.truncatedHeaders)
    func truncatedHeaderMustNotCrash(text: String) {
        Self.exercise(Array(text.utf8))
    }

    @Test func savedFuzzCrashersMustNotCrash() throws {
        let dir = Corpus.root.appendingPathComponent("fuzz-regressions")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for file in files where file.hasSuffix(".bin") {
            Self.exercise([UInt8](try Data(contentsOf: dir.appendingPathComponent(file))))
        }
    }

    static func exercise(_ bytes: [UInt8]) {
        _ = SIPURI.parse(bytes)
        var decoder = SIPStreamDecoder()
        var buffer = ByteBuffer(bytes: bytes)
        while let m = try? decoder.decode(buffer: &buffer) { HostileInputTests.readEverything(m) }
        guard let m = try? SIPMessageParser.parseDatagram(bytes) else { return }
        HostileInputTests.readEverything(m)
    }
}
