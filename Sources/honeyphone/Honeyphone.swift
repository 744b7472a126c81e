import ArgumentParser
import HoneyphoneApp
import SIPCore

@main
struct Honeyphone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "honeyphone",
        abstract: "A SIP/VoIP honeypot that answers like a phone, records everything and explains every caller.",
        subcommands: [Parse.self]
    )
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse SIP messages from files and print one JSON report per file.",
        discussion: """
            Each FILE holds one SIP message as a datagram would carry it ('-' reads standard input).
            Exit status: 0 when every file parsed, 65 when any was rejected, 66 when a file cannot be read.
            """
    )

    @Option(name: .long, help: "Parse each file N times and print the mean time per message.")
    var `repeat`: Int = 1

    @Flag(name: .long, help: "Print only the timing line, not the reports.")
    var quiet = false

    @Argument(help: "Files holding one SIP message each ('-' for standard input).")
    var files: [String]

    func validate() throws {
        guard self.repeat >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard !self.files.isEmpty else { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        let runner = ParseCommandRunner(files: self.files, repeatCount: self.repeat, quiet: self.quiet)
        let status = runner.run { print($0) }
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
