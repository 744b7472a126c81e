import Agent
import Foundation

/// `honeyphone status`: prints the status file the running honeypot writes in its data folder.
public struct StatusCommandRunner: Sendable {
    /// The data folder.
    public var dataFolder: String
    /// Print the JSON instead of text.
    public var json: Bool

    /// A runner.
    public init(dataFolder: String, json: Bool) {
        self.dataFolder = dataFolder
        self.json = json
    }

    /// Prints the status; returns false when there is none.
    public func run(print: (String) -> Void) -> Bool {
        let path = self.dataFolder + "/status.json"
        guard let snapshot = try? StatusSnapshot.read(from: path) else {
            print("honeyphone: no status in \(self.dataFolder) (is 'honeyphone run' running with this data folder?)")
            return false
        }
        if self.json, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            print(text)
            return true
        }
        let age = Date().timeIntervalSince1970 - snapshot.updatedAt
        let running = kill(pid_t(snapshot.pid), 0) == 0 && age < 10
        print(
            "\(snapshot.identity): \(running ? "running" : "not running") (pid \(snapshot.pid), updated \(Int(age)) s ago)"
        )
        print("listening: \(snapshot.listening.joined(separator: ", "))")
        let m = snapshot.messages
        print(
            "messages: received \(m.received), sent \(m.sent), unparsed \(m.unparsed), retransmissions absorbed \(m.retransmissionsAbsorbed), strays \(m.strays), refused (table full) \(m.refusedTableFull), answered statelessly \(m.answeredStatelessly), send failures \(m.sendFailures)"
        )
        print(
            "dialogs: \(snapshot.dialogs), transactions: \(snapshot.transactions), connections: \(snapshot.openConnections) open, \(snapshot.refusedConnections) refused"
        )
        if let drops = snapshot.kernelUDPDrops {
            print("kernel: \(drops) datagram(s) dropped at the UDP sockets (receive buffer full)")
        }
        let t = snapshot.traces
        print(
            "traces: submitted \(t.submitted), written \(t.written), dropped \(t.dropped), failed \(t.failed), pending \(t.pending)"
        )
        if snapshot.registrations.isEmpty {
            print("registrations: none (no registrar configured)")
        }
        for r in snapshot.registrations {
            var line = "registration \(r.aor): \(r.state)"
            if let expires = r.grantedExpires { line += ", expires \(expires) s" }
            if let status = r.lastStatus { line += ", last status \(status)" }
            if r.failures > 0 { line += ", failures \(r.failures)" }
            if let next = r.nextAttemptIn { line += ", next in \(Int(next)) s" }
            print(line)
        }
        return true
    }
}
