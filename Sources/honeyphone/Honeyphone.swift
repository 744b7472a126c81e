import ArgumentParser
import Foundation
import HoneyphoneApp
import Logging
import SIPCore
import Storage
import WebUI

@main
struct Honeyphone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "honeyphone",
        abstract: "A SIP/VoIP honeypot that answers like a phone, records everything and explains every caller.",
        subcommands: [
            Run.self, Status.self, Traces.self, Parse.self, Investigate.self, Classify.self, Model.self, Learn.self,
            Evaluate.self, Profile.self, Credentials.self, Export.self, WebPassword.self, WebToken.self,
        ]
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

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the honeypot until SIGINT or SIGTERM.",
        discussion: """
            Without --environment it uses the embedded default: UDP and TCP on 127.0.0.1:5060, three URIs, no
            registrar, traces in ./honeyphone-data/traces.sqlite. Logs go to standard error.
            """
    )

    @Option(name: .long, help: "An environment file (attribute: value).")
    var environment: String?

    @Option(name: .long, help: "Override the environment's data folder.")
    var data: String?

    @Option(name: .long, help: "Override the port of every listen address.")
    var port: Int?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(name: .long, help: "An investigation settings file (default: passive, nothing leaves the host).")
    var investigation: String?

    @Option(name: .long, help: "A behaviour profile: a NAME from 'honeyphone profile list' or a FILE.profile.")
    var profile: String?

    @Option(name: .long, help: "The user profiles folder (default: DATA/profiles).")
    var profiles: String?

    @Option(name: .long, help: "Override the web interface's address: HOST:PORT, or 'none' to run without it.")
    var webListen: String?

    func run() async throws {
        let level = Logger.Level(rawValue: self.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "honeyphone")
        let runner = RunCommandRunner(
            environmentPath: self.environment,
            dataFolder: self.data,
            port: self.port,
            investigationPath: self.investigation,
            profile: self.profile,
            profilesFolder: self.profiles,
            webListen: self.webListen
        )
        do {
            try await runner.run(logger: logger) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as any SettingsErrorDescribing {
            FileHandle.standardError.write(Data("honeyphone: \(error.settingsDescription)\n".utf8))
            throw ExitCode(78)
        } catch let error as ProfileError {
            FileHandle.standardError.write(Data("honeyphone: profile: \(error.description)\n".utf8))
            throw ExitCode(78)
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the state of the running honeypot (messages, dialogs, registrations, trace store)."
    )

    @Option(name: .long, help: "The data folder of the running honeypot.")
    var data: String = "honeyphone-data"

    @Flag(name: .long, help: "Print the status file as JSON.")
    var json = false

    func run() throws {
        let ok = StatusCommandRunner(dataFolder: self.data, json: self.json).run { print($0) }
        if !ok { throw ExitCode(1) }
    }
}

struct Traces: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show or export the messages in the trace store.",
        discussion: """
            --since takes seconds since the epoch, an ISO 8601 UTC time or an age such as 10m, 2h, 3d.
            --json prints one JSON object per message; --pcap FILE writes a capture Wireshark decodes as SIP.
            """
    )

    @Option(name: .long, help: "The data folder.")
    var data: String = "honeyphone-data"
    @Option(name: .long, help: "Only messages at or after this time.")
    var since: String?
    @Option(name: .long, help: "Only messages from or to this IP address.")
    var source: String?
    @Option(name: .customLong("call-id"), help: "Only messages with this Call-ID.")
    var callID: String?
    @Option(name: .long, help: "Only requests with this method.")
    var method: String?
    @Option(name: .long, help: "At most this many messages.")
    var limit: Int = TraceQuery.defaultLimit
    @Flag(name: .long, help: "JSON lines.")
    var json = false
    @Option(name: .long, help: "Write a pcap file.")
    var pcap: String?
    @Option(name: .long, help: "Print one message whole.")
    var show: Int64?

    func run() async throws {
        var since: TraceTimestamp?
        if let text = self.since {
            guard let parsed = TracesCommandRunner.parseSince(text) else {
                throw ValidationError("--since: expected seconds, an ISO 8601 time or an age like 10m")
            }
            since = parsed
        }
        let query = TraceQuery(
            since: since,
            remoteAddress: self.source,
            callID: self.callID,
            method: self.method,
            limit: max(1, min(self.limit, 10_000_000))
        )
        let output: TracesCommandRunner.Output = self.pcap.map { .pcap($0) } ?? (self.json ? .json : .text)
        let status = try await TracesCommandRunner(dataFolder: self.data, query: query, output: output, show: self.show)
            .run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The profiles database: check a behaviour profile, or list the profiles.",
        subcommands: [ProfileCheck.self, ProfileList.self]
    )
}

struct ProfileCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a profile and print the state machine it builds.",
        discussion: """
            PROFILE is a FILE.profile or a NAME from 'honeyphone profile list'. Prints the states, each event with
            its operators and the state they move to, and the warnings. Exit status: 0 valid; 65 invalid (printed
            as FILE:LINE:COLUMN: error[code]: message); 66 not found or unreadable.
            """
    )

    @Option(name: .long, help: "The user profiles folder (default: ./honeyphone-data/profiles).")
    var profiles: String = "honeyphone-data/profiles"

    @Argument(help: "FILE.profile or NAME")
    var profile: String

    func run() throws {
        let runner = ProfileCommandRunner(library: ProfileLibrary(userFolder: self.profiles))
        let status = runner.check(self.profile) { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct ProfileList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the profiles: the user folder's, then the built-in ones."
    )

    @Option(name: .long, help: "The user profiles folder (default: ./honeyphone-data/profiles).")
    var profiles: String = "honeyphone-data/profiles"

    func run() throws {
        _ = ProfileCommandRunner(library: ProfileLibrary(userFolder: self.profiles)).list { print($0) }
    }
}

struct Credentials: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the Digest credentials callers tried, and test guessed passwords offline.",
        discussion: """
            Reads every received request of the trace store and prints each Authorization or Proxy-Authorization
            with the inputs a guess needs (user, realm, nonce, uri, response, algorithm, qop, nc, cnonce), and the
            guess that matches, if any. Exit status: 0 done; 66 no trace store.
            """
    )

    @Option(name: .long, help: "The data folder.")
    var data: String = "honeyphone-data"

    @Option(name: .long, help: "A password to test (repeatable).")
    var guess: [String] = []

    @Option(name: .long, help: "A file of passwords to test, one per line.")
    var wordlist: String?

    @Flag(name: .long, help: "One JSON object per attempt.")
    var json = false

    func run() async throws {
        var guesses = self.guess
        if let path = self.wordlist { guesses += try CredentialsCommandRunner.wordList(path) }
        let status = try await CredentialsCommandRunner(dataFolder: self.data, guesses: guesses, json: self.json)
            .run { print($0) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct WebPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-password",
        abstract: "Hash an admin password for the environment's 'web-admin-password:' line.",
        discussion: """
            Reads the password from the first line of standard input (nothing is echoed or stored) and prints the
            line to put in the environment file: PBKDF2-HMAC-SHA256 with a random salt. Exit status: 0; 65 when
            the password is empty or longer than 1,024 bytes.
            """
    )

    func run() throws {
        guard let password = readLine(strippingNewline: true), !password.isEmpty, password.utf8.count <= 1_024 else {
            FileHandle.standardError.write(
                Data("honeyphone: give a password of 1 to 1,024 bytes on standard input\n".utf8)
            )
            throw ExitCode(65)
        }
        print("web-admin-password: \(try PasswordHash(password: password))")
    }
}

struct WebToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-token",
        abstract: "Make a bearer token for the REST API and /metrics.",
        discussion: """
            Prints the token (give it to the client as 'Authorization: Bearer TOKEN') and the line to put in the
            environment file ('web-api-token: sha256:…'); only the digest is kept by Honeyphone.
            """
    )

    func run() {
        let token = Secrets.token()
        print("token: \(token)")
        print("web-api-token: \(TokenDigest(token: token))")
    }
}
