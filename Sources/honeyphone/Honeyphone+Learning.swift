import ArgumentParser
import Foundation
import HoneyphoneApp

/// The labels-file format, shared by the help of `learn` and `evaluate` (see `LabelsFile`).
private let labelsFormat = """
    Labels file: one label per line, fields separated by blanks, a field starting with '#' starts a comment:
      SELECTOR NATURE [ATTACK-TYPES]
    SELECTOR is FILE#N (the N-th SIP message of an input, numbered from 1 as 'classify' prints them; FILE is the \
    path as given or its last component, 'traces.sqlite' for --traces), call-id:CALL-ID (every request with that \
    Call-ID) or source:IP (every request from that address). The most specific selector wins (FILE#N, call-id:, \
    source:); a selector given twice is an error. NATURE is Normal, Suspicious or Crafted (the model's root states) \
    or '-' when unknown. ATTACK-TYPES is a comma-separated list of scanning, extension-enumeration, \
    password-guessing, flooding, spit, toll-fraud, malformed, or 'none'; without it the attack types are unknown. \
    Errors are printed as FILE:LINE:COLUMN: code: message. Limits: 4,096 bytes per line, 1,000,000 lines, 64 MiB.
    """

struct Learn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn a model's tables from labelled SIP requests and write the new model.",
        discussion: """
            Each request of the inputs (files, pcap/pcapng captures or --traces, read as 'classify' reads them) is \
            analysed offline (passive unless --investigation allows more); the labelled ones give the cases, and EM \
            with a Dirichlet pseudo-count --alpha estimates the prior and the tables from the base model, keeping its \
            intervals, thresholds and Markov chain; a table no case gives evidence for (offline, To and Dispersion) is \
            kept from the base model. The model text goes to --output (default: standard output), a \
            summary to standard error (cases, unlabelled requests skipped, EM iterations and log-likelihood).

            \(labelsFormat)

            Exit status: 0 written; 65 an input is neither SIP nor a capture, or no request is labelled; 66 a file \
            cannot be read; 73 the output cannot be written; 78 invalid labels, model or settings.
            """
    )

    @Option(name: .long, help: "The labels file.")
    var labels: String

    @Option(name: .long, help: "The base model file (default: the built-in model).")
    var model: String?

    @Option(name: .long, help: "The Dirichlet pseudo-count added to every count (0 or more; 1 is Laplace).")
    var alpha: Double = 1

    @Option(name: .long, help: "Write the model here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "An investigation settings file (attribute: value).")
    var investigation: String?

    @Option(name: .long, help: "A data folder whose trace store is read.")
    var traces: String?

    @Argument(help: "FILE.sip, FILE.pcap or FILE.pcapng")
    var files: [String] = []

    func validate() throws {
        guard !self.files.isEmpty || self.traces != nil else { throw ValidationError("give a FILE or --traces") }
        guard self.alpha.isFinite, self.alpha >= 0 else { throw ValidationError("--alpha must be 0 or more") }
    }

    func run() async throws {
        let status = await LearnCommandRunner(
            inputs: self.files,
            tracesFolder: self.traces,
            labelsPath: self.labels,
            modelPath: self.model,
            alpha: self.alpha,
            outputPath: self.output,
            investigationPath: self.investigation
        ).run(print: { print($0) }, printError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        if status != 0 { throw ExitCode(status) }
    }
}

struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a model's verdicts and the attack labels against labelled SIP requests.",
        discussion: """
            Prints each labelled request's verdict, then for Nature the confusion matrix (rows truth, columns \
            predicted), per-class precision/recall/F1, macro-F1, accuracy, the Brier score and a 10-bin reliability \
            table; then per attack type precision/recall/F1 of the attack labeller over the requests whose label \
            gives attack types. --json prints the same as one JSON object.

            \(labelsFormat)

            Exit status: 0 printed; 65 an input is neither SIP nor a capture, or no request is labelled; 66 a file \
            cannot be read; 78 invalid labels, model or settings.
            """
    )

    @Option(name: .long, help: "The labels file.")
    var labels: String

    @Option(name: .long, help: "The model file (default: the built-in model).")
    var model: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @Option(name: .long, help: "An investigation settings file (attribute: value).")
    var investigation: String?

    @Option(name: .long, help: "A data folder whose trace store is read.")
    var traces: String?

    @Argument(help: "FILE.sip, FILE.pcap or FILE.pcapng")
    var files: [String] = []

    func validate() throws {
        guard !self.files.isEmpty || self.traces != nil else { throw ValidationError("give a FILE or --traces") }
    }

    func run() async throws {
        let status = await EvaluateCommandRunner(
            inputs: self.files,
            tracesFolder: self.traces,
            labelsPath: self.labels,
            modelPath: self.model,
            json: self.json,
            investigationPath: self.investigation
        ).run(print: { print($0) }, printError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        if status != 0 { throw ExitCode(status) }
    }
}
