import Foundation

/// Hand-written requests for the `learn` and `evaluate` tests, written into a fresh temporary folder.
enum LearningFixtures {
    /// An svmap-like OPTIONS (tool-shaped) from 198.51.100.7.
    static let scan = """
        OPTIONS sip:100@127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 198.51.100.7:5061;branch=z9hG4bK-3154780923;rport\r
        Max-Forwards: 70\r
        To: "sipvicious"<sip:100@1.1.1.1>\r
        From: "sipvicious"<sip:100@1.1.1.1>;tag=37663030\r
        User-Agent: friendly-scanner\r
        Call-ID: 223833217231116766498093\r
        Contact: sip:100@127.0.0.1:5061\r
        CSeq: 1 OPTIONS\r
        Accept: application/sdp\r
        Content-Length: 0\r
        \r

        """

    /// A clean REGISTER from 192.0.2.10.
    static let register = """
        REGISTER sip:example.org SIP/2.0\r
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7\r
        Max-Forwards: 70\r
        To: Bob <sip:bob@example.org>\r
        From: Bob <sip:bob@example.org>;tag=456248\r
        Call-ID: 843817637684230@998sdasdh09\r
        CSeq: 1826 REGISTER\r
        Contact: <sip:bob@192.0.2.10>\r
        User-Agent: Linphone/5.2.0\r
        Expires: 7200\r
        Content-Length: 0\r
        \r

        """

    /// A clean OPTIONS from 192.0.2.20.
    static let options = """
        OPTIONS sip:carol@example.org SIP/2.0\r
        Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKhjhs8ass877\r
        Max-Forwards: 70\r
        To: <sip:carol@example.org>\r
        From: Alice <sip:alice@example.org>;tag=1928301774\r
        Call-ID: a84b4c76e66710\r
        CSeq: 63104 OPTIONS\r
        Contact: <sip:alice@192.0.2.20>\r
        Accept: application/sdp\r
        User-Agent: baresip v3.10.0\r
        Content-Length: 0\r
        \r

        """

    /// A REGISTER with duplicated single-value headers (parser errors) from 203.0.113.5.
    static let crafted = """
        REGISTER sip:example.org SIP/2.0\r
        Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bKx1\r
        Max-Forwards: 70\r
        To: <sip:1000@example.org>\r
        From: <sip:1000@example.org>;tag=abc\r
        From: <sip:1001@example.org>;tag=abd\r
        Call-ID: crafted-1\r
        CSeq: 1 REGISTER\r
        CSeq: 2 REGISTER\r
        Contact: <sip:1000@203.0.113.5>\r
        Content-Length: 0\r
        \r

        """

    /// A fresh folder holding `files` (name → contents); the caller removes it.
    static func folder(_ files: [String: String]) throws -> String {
        let folder = NSTemporaryDirectory() + "learning-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }

    /// The four requests as `scan.sip`, `register.sip`, `options.sip`, `crafted.sip`, plus `files`.
    static func requests(plus files: [String: String] = [:]) throws -> String {
        try Self.folder(
            [
                "scan.sip": Self.scan, "register.sip": Self.register, "options.sip": Self.options,
                "crafted.sip": Self.crafted,
            ].merging(files) { $1 }
        )
    }

    /// The four request files' paths in `folder`, in a fixed order.
    static func inputs(_ folder: String) -> [String] {
        ["scan.sip", "register.sip", "options.sip", "crafted.sip"].map { folder + "/" + $0 }
    }
}
