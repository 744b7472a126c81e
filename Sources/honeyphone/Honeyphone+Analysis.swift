import ArgumentParser
import Foundation
import HoneyphoneApp

struct Investigate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Investigate a host, or the hosts of one SIP message, and print the paper's Table I.",
        discussion: """
            HOST is an IP address or host name (investigated as the source of an OPTIONS); FILE.sip holds one
            message. Nothing leaves the host unless --investigation allows it (see InvestigationSettings).
            Exit status: 0 printed; 64 not an address, name or file; 65 no SIP request in the file; 66 the file
            cannot be read; 78 invalid investigation settings.
            """
    )

    @Flag(name: .long, help: "Print JSON instead of the table.")
    var json = false

    @Option(name: .long, help: "An investigation settings file (attribute: value).")
    var investigation: String?

    @Argument(help: "HOST or FILE.sip")
    var target: String

    func run() async throws {
        let status = await InvestigateCommandRunner(
            target: self.target,
            json: self.json,
            investigationPath: self.investigation
        ).run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Classify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify SIP requests (files, pcap/pcapng captures or the trace store) and explain each verdict.",
        discussion: """
            Each request is investigated offline (passive unless --investigation allows more), then the verdict
            (Normal, Suspicious, Crafted) is printed with its explanation: belief, prior, the λ message of each
            evidence, the trust chain, and the source's attack labels.
            Exit status: 0 done; 65 an input is neither SIP nor a capture; 66 an input cannot be read; 78 invalid
            settings or model.
            """
    )

    @Flag(name: .long, help: "One JSON object per request.")
    var json = false

    @Option(name: .long, help: "An investigation settings file (attribute: value).")
    var investigation: String?

    @Option(name: .long, help: "A model file (default: the built-in model).")
    var model: String?

    @Option(name: .long, help: "A data folder whose trace store is classified.")
    var traces: String?

    @Argument(help: "FILE.sip, FILE.pcap or FILE.pcapng")
    var files: [String] = []

    func validate() throws {
        guard !self.files.isEmpty || self.traces != nil else { throw ValidationError("give a FILE or --traces") }
    }

    func run() async throws {
        let status = await ClassifyCommandRunner(
            inputs: self.files,
            tracesFolder: self.traces,
            json: self.json,
            investigationPath: self.investigation,
            modelPath: self.model
        ).run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the built-in inference model, or check a model file.",
        discussion: """
            Exit status: 0 shown or valid; 64 neither --show nor --check; 65 the model is invalid (printed as
            FILE:LINE:COLUMN: code: message); 66 the file cannot be read.
            """
    )

    @Flag(name: .long, help: "Print the built-in model.")
    var show = false

    @Option(name: .long, help: "Validate this model file.")
    var check: String?

    func run() throws {
        if let path = self.check {
            let status = ModelCommandRunner.check(path: path) { print($0) }
            if status != 0 { throw ExitCode(status) }
        } else if self.show {
            _ = ModelCommandRunner.show { print($0) }
        } else {
            throw ValidationError("give --show or --check FILE")
        }
    }
}
