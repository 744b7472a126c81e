import ArgumentParser
import HoneyphoneApp
import Reporting
import Storage

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export evidence: an incident's bundle, or block lists of Suspicious/Crafted sources.",
        subcommands: [ExportBundle.self, ExportBlockList.self]
    )
}

struct ExportBundle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write one incident (a Call-ID) as a tar archive: pcap, recordings, verdicts, investigation.",
        discussion: """
            The archive holds incident-HASH/ with capture.pcap (SIP, and the call's RTP merged in), recordings/,
            messages.json, verdicts.json, investigation.json and manifest.json (SHA-256 of every file).
            Exit status: 0 written; 1 no message or verdict with that Call-ID; 65 larger than 256 MiB; 66 no trace
            store; 73 the output cannot be written.
            """
    )

    @Option(name: .customLong("call-id"), help: "The Call-ID of the incident.")
    var callID: String
    @Option(name: .long, help: "The data folder.")
    var data: String = "honeyphone-data"
    @Option(name: .long, help: "The archive to write (FILE.tar).")
    var output: String
    @Option(name: .customLong("source-window"), help: "Also the call's sources' messages within N seconds of it.")
    var sourceWindow: Int?

    func validate() throws {
        if let window = self.sourceWindow, !(0...86_400).contains(window) {
            throw ValidationError("--source-window must be 0 to 86400 seconds")
        }
    }

    func run() async throws {
        let runner = ExportCommandRunner.Bundle(
            dataFolder: self.data,
            callID: self.callID,
            output: self.output,
            sourceWindow: self.sourceWindow.map { .seconds($0) }
        )
        let status = try await runner.run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct ExportBlockList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocklist",
        abstract: "Print or write the sources with a Suspicious or Crafted verdict as a block list.",
        discussion: """
            Formats: plain (one address per line), nftables (an 'nft -f' script for table inet honeyphone, sets
            blocklist4 and blocklist6), ipset ('ipset restore' input, sets honeyphone4 and honeyphone6). Only
            valid IPv4/IPv6 addresses are listed; loopback and unspecified addresses never are, nor --allow prefixes.
            --since takes seconds since the epoch, an ISO 8601 UTC time or an age such as 10m, 2h, 3d.
            """
    )

    @Option(name: .long, help: "plain, nftables or ipset.")
    var format: String = "plain"
    @Option(name: .customLong("min-belief"), help: "The lowest belief of the verdict (0-1).")
    var minBelief: Double = BlockListBuilder.defaultMinimumBelief
    @Option(name: .long, help: "Only verdicts at or after this time.")
    var since: String?
    @Option(name: .long, help: "The data folder.")
    var data: String = "honeyphone-data"
    @Option(name: .long, help: "Write the list to this file instead of standard output.")
    var output: String?
    @Option(name: .long, help: "A prefix never to list, such as 192.0.2.0/24 (repeatable).")
    var allow: [String] = []

    func validate() throws {
        guard BlockList.Format(rawValue: self.format) != nil else {
            throw ValidationError("--format must be plain, nftables or ipset")
        }
        guard (0...1).contains(self.minBelief) else { throw ValidationError("--min-belief must be between 0 and 1") }
        for text in self.allow where IPPrefix(text) == nil {
            throw ValidationError("--allow: '\(text)' is not an address prefix")
        }
        if let text = self.since, TracesCommandRunner.parseSince(text) == nil {
            throw ValidationError("--since: expected seconds, an ISO 8601 time or an age like 10m")
        }
    }

    func run() async throws {
        let format = BlockList.Format(rawValue: self.format) ?? .plain
        let since = self.since.flatMap { TracesCommandRunner.parseSince($0) }
        let allow = self.allow.compactMap { IPPrefix($0) }
        let runner = ExportCommandRunner.BlockList(
            dataFolder: self.data,
            format: format,
            minimumBelief: self.minBelief,
            since: since,
            output: self.output,
            allow: allow
        )
        let status = try await runner.run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}
