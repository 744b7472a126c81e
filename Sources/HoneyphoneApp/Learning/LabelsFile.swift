import Foundation
public import Inference
import Recon
import SIPCore

/// The ground truth for `honeyphone learn` and `honeyphone evaluate`: which requests were Normal, Suspicious or
/// Crafted, and which attack types their sources were running.
///
/// One label per line; fields are separated by spaces or tabs; a field that starts with `#` starts a comment (so
/// `#` inside `FILE#N` is not one); blank lines are ignored:
///
/// ```text
/// # SELECTOR              NATURE      [ATTACK-TYPES]
/// honest.pcap#3           Normal
/// svmap.pcap#1            Suspicious  scanning
/// call-id:a84b4c76e66710  Crafted     none
/// source:203.0.113.7      Suspicious  extension-enumeration,password-guessing
/// ```
///
/// - `SELECTOR` is `FILE#N`, the N-th SIP message of an input as `classify` numbers them (from 1, responses
///   included in captures; `FILE` is the path as given on the command line or its last component; for `--traces`
///   it is `traces.sqlite`), `call-id:CALL-ID` (every request with that Call-ID, compared exactly) or
///   `source:IP` (every request from that IPv4/IPv6 address, compared in canonical form).
/// - `NATURE` is a state of the model's root (`Normal`, `Suspicious`, `Crafted`; any case), or `-` when unknown:
///   `learn` then lets EM infer it and `evaluate` scores only the attack types.
/// - `ATTACK-TYPES`, optional, is a comma-separated list of `scanning`, `extension-enumeration`,
///   `password-guessing`, `flooding`, `spit`, `toll-fraud`, `malformed`, or `none` for "no attack". Without it
///   the message's attack types are unknown and `evaluate` does not score them.
///
/// When several lines select a message, the most specific wins: `FILE#N`, then `call-id:`, then `source:`. The same
/// selector on two lines is an error. Every error names `FILE:LINE:COLUMN` (columns in UTF-8 bytes).
public struct LabelsFile: Sendable {
    /// Bounds on a labels file (it is operator-written, but may be generated from large captures).
    public struct Limits: Sendable, Hashable {
        /// The most bytes in the file (default 64 MiB).
        public var maximumBytes: Int
        /// The most bytes in one line, line break excluded (default 4,096).
        public var maximumLineBytes: Int
        /// The most lines, comments and blank lines included (default 1,000,000).
        public var maximumLines: Int
        /// The largest message number `N` in `FILE#N` (default 100,000,000).
        public var maximumMessageIndex: Int

        /// Limits with the defaults.
        public init(
            maximumBytes: Int = 64 << 20,
            maximumLineBytes: Int = 4096,
            maximumLines: Int = 1_000_000,
            maximumMessageIndex: Int = 100_000_000
        ) {
            self.maximumBytes = maximumBytes
            self.maximumLineBytes = maximumLineBytes
            self.maximumLines = maximumLines
            self.maximumMessageIndex = maximumMessageIndex
        }
    }

    /// What a line selects.
    public enum Selector: Sendable, Hashable, CustomStringConvertible {
        /// The `index`-th SIP message (from 1) of the input named `file`.
        case message(file: String, index: Int)
        /// Every request with this Call-ID.
        case callID(String)
        /// Every request from this address (canonical text).
        case source(String)

        /// The selector as written in a labels file.
        public var description: String {
            switch self {
            case .message(let file, let index): return "\(file)#\(index)"
            case .callID(let callID): return "call-id:\(callID)"
            case .source(let address): return "source:\(address)"
            }
        }
    }

    /// One line's label.
    public struct Entry: Sendable, Hashable {
        /// What it selects.
        public var selector: Selector
        /// The root state (the model's spelling), or `nil` for `-`.
        public var nature: String?
        /// The attack types (empty for `none`), or `nil` when the line gives none.
        public var attackTypes: [AttackLabel.Kind]?
        /// The 1-based line.
        public var line: Int
    }

    /// The labels, in file order.
    public private(set) var entries: [Entry]

    private var byMessage: [String: [Int: Int]] = [:]
    private var byCallID: [String: Int] = [:]
    private var bySource: [String: Int] = [:]

    /// The Nature labels of the default model.
    public static let defaultClasses = ["Normal", "Suspicious", "Crafted"]

    /// Parses `bytes`, the contents of `fileName`, accepting the states `classes` as Nature labels.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        fileName: String,
        classes: [String] = Self.defaultClasses,
        limits: Limits = Limits()
    ) throws(LabelsFileError) -> LabelsFile {
        var parser = Parser(fileName: fileName, classes: classes, limits: limits)
        guard bytes.count <= limits.maximumBytes else {
            throw parser.error(
                .limitExceeded,
                "the file is larger than \(limits.maximumBytes) bytes",
                line: 1,
                column: 1
            )
        }
        var file = LabelsFile(entries: [])
        var seen: [Selector: Int] = [:]
        var line: [UInt8] = []
        line.reserveCapacity(128)
        var number = 0
        var iterator = bytes.makeIterator()
        var finished = false
        while !finished {
            line.removeAll(keepingCapacity: true)
            var ended = false
            while let byte = iterator.next() {
                if byte == UInt8(ascii: "\n") {
                    ended = true
                    break
                }
                // Keep one byte past the limit (a trailing CR may go), then only look for the line's end.
                if line.count <= limits.maximumLineBytes { line.append(byte) }
            }
            finished = !ended
            if finished && line.isEmpty { break }
            number += 1
            guard number <= limits.maximumLines else {
                throw parser.error(.limitExceeded, "more than \(limits.maximumLines) lines", line: number, column: 1)
            }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard line.count <= limits.maximumLineBytes else {
                throw parser.error(
                    .limitExceeded,
                    "the line is longer than \(limits.maximumLineBytes) bytes",
                    line: number,
                    column: limits.maximumLineBytes + 1
                )
            }
            guard let entry = try parser.entry(line, number: number) else { continue }
            // `./a.pcap#1` and `a.pcap#1` select the same message.
            var key = entry.selector
            if case .message(let name, let index) = key { key = .message(file: Self.pathKey(name), index: index) }
            if let previous = seen[key] {
                throw parser.error(
                    .duplicateSelector,
                    "'\(Parser.quoted(entry.selector.description))' is already labelled on line \(previous)",
                    line: number,
                    column: parser.selectorColumn
                )
            }
            seen[key] = number
            file.add(entry)
        }
        return file
    }

    private init(entries: [Entry]) {
        self.entries = entries
    }

    private mutating func add(_ entry: Entry) {
        let index = self.entries.count
        self.entries.append(entry)
        switch entry.selector {
        case .message(let file, let number): self.byMessage[Self.pathKey(file), default: [:]][number] = index
        case .callID(let callID): self.byCallID[callID] = index
        case .source(let address): self.bySource[address] = index
        }
    }

    /// The index in ``entries`` of the label of the `index`-th message of `origin`, with Call-ID `callID` from
    /// `source`: the most specific selector that matches, or `nil` when none does.
    public func entryIndex(origin: String, index: Int, callID: String?, source: String) -> Int? {
        let keys = [Self.pathKey(origin), (origin as NSString).lastPathComponent]
        for key in keys {
            if let found = self.byMessage[key]?[index] { return found }
        }
        if let callID, let found = self.byCallID[callID] { return found }
        let address = IPAddress(Self.unbracketed(source)).map { $0.description } ?? source
        return self.bySource[address]
    }

    /// The label of `input` (see ``entryIndex(origin:index:callID:source:)``).
    public func entryIndex(for input: InputMessage) -> Int? {
        self.entryIndex(origin: input.origin, index: input.index, callID: input.message.callID, source: input.source)
    }

    /// `path` with `.` components and repeated or trailing slashes removed (lexically: no file-system access), so
    /// that `./a.pcap` and `a.pcap` name the same input.
    static func pathKey(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    static func unbracketed(_ text: String) -> Substring {
        var literal = Substring(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        return literal
    }
}
