import Foundation
import HoneyphoneApp
import Testing

@Suite struct ParseCommandRunnerTests {
    static let sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    static let invite =
        "INVITE sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5098;branch=z9hG4bK-1;rport\r\n"
        + "Max-Forwards: 70\r\nFrom: \"<script>\" <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\n"
        + "Call-ID: c1\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:5098>\r\nUser-Agent: friendly-scanner\r\n"
        + "Content-Type: application/sdp\r\nContent-Length: \(Self.sdp.utf8.count)\r\n\r\n" + Self.sdp

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hp-\(UUID().uuidString).sip")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ files: [String], repeatCount: Int = 1, quiet: Bool = false) -> (ParseCommandRunner.ExitStatus, [String])
    {
        var lines: [String] = []
        let status = ParseCommandRunner(files: files, repeatCount: repeatCount, quiet: quiet).run { lines.append($0) }
        return (status, lines)
    }

    func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func reportsAParsedMessage() throws {
        let file = try self.write(Self.invite)
        let (status, lines) = self.run([file])
        #expect(status == .ok)
        #expect(lines.count == 1)
        let report = try self.json(lines[0])
        #expect(report["ok"] as? Bool == true)
        #expect(report["kind"] as? String == "request")
        #expect(report["method"] as? String == "INVITE")
        #expect(report["callID"] as? String == "c1")
        #expect((report["cseq"] as? [String: Any])?["seq"] as? Int == 1)
        #expect((report["from"] as? [String: Any])?["displayName"] as? String == "<script>")
        #expect((report["via"] as? [[String: Any]])?.first?["branch"] as? String == "z9hG4bK-1")
        #expect((report["headers"] as? [[String]])?.count == 10)
        #expect((report["body"] as? [String: Any])?["length"] as? Int == Self.sdp.utf8.count)
        let sdp = try #require(report["sdp"] as? [String: Any])
        #expect(sdp["connection"] as? String == "127.0.0.1")
        #expect((report["anomalies"] as? [Any])?.isEmpty == true)
        // Attacker text is inert if the JSON is pasted into HTML.
        #expect(!lines[0].contains("<script>"))
    }

    @Test func reportsAnomalies() throws {
        let file = try self.write(Self.invite.replacingOccurrences(of: "CSeq: 1 INVITE", with: "CSeq: 1 OPTIONS"))
        let (status, lines) = self.run([file])
        #expect(status == .ok)
        let anomalies = try #require(try self.json(lines[0])["anomalies"] as? [[String: Any]])
        #expect(
            anomalies.contains {
                $0["code"] as? String == "cseq-method-mismatch" && $0["severity"] as? String == "error"
            }
        )
    }

    @Test func rejectedInputExits65() throws {
        let good = try self.write(Self.invite)
        let bad = try self.write("GET / HTTP/1.1\r\n\r\n")
        let (status, lines) = self.run([good, bad])
        #expect(status == .dataError)
        let report = try self.json(lines[1])
        #expect(report["ok"] as? Bool == false)
        #expect((report["error"] as? [String: Any])?["code"] as? String == "not-sip")
    }

    @Test func unreadableFileExits66() throws {
        let (status, lines) = self.run(["/nonexistent/\(UUID().uuidString)"])
        #expect(status == .noInput)
        #expect((try self.json(lines[0])["error"] as? [String: Any])?["code"] as? String == "unreadable")
    }

    @Test func repeatQuietPrintsOnlyTheTiming() throws {
        let file = try self.write(Self.invite)
        let (status, lines) = self.run([file], repeatCount: 50, quiet: true)
        #expect(status == .ok)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("parsed 50 messages in "))
        #expect(lines[0].hasSuffix(" ns/message)"))
    }
}
