import Foundation
import Testing

@testable import Reporting

/// The shipped filter (`Contrib/fail2ban/filter.d/honeyphone.conf`) against the lines the sink writes, with the real
/// `fail2ban-regex` (Debian package `fail2ban`, installed by CI); skipped where it is not installed.
@Suite struct Fail2banFilterTests {
    static let filter = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Contrib/fail2ban/filter.d/honeyphone.conf").path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fail2ban-regex")))
    func filterFindsTheAlertSources() throws {
        let lines = [
            Fail2banLine.line(Fixtures.event(), processID: 4242),
            Fail2banLine.line(
                Fixtures.event(source: "2001:db8::7", method: "REGISTER", verdict: "Suspicious"),
                processID: 1
            ),
            Fail2banLine.line(Fixtures.event(source: "192.0.2.99", alert: false), processID: 1),
            Fail2banLine.line(Fixtures.event(source: "::ffff:203.0.113.4", method: "X<y>"), processID: 1),
        ].compactMap { $0 }
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let log = folder.file("fail2ban.log")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: log))
        let (status, output) = try runProgram("/usr/bin/fail2ban-regex", ["-o", "ip", log, Self.filter])
        #expect(status == 0, "\(output)")
        let addresses = output.split(separator: "\n").map(String.init).filter { IPAddress($0) != nil }
        // The non-alert line is not matched; the mapped address is written (and banned) as IPv4.
        #expect(addresses == ["198.51.100.7", "2001:db8::7", "203.0.113.4"])
    }
}
