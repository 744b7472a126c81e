import Foundation
public import Reporting
public import Storage

/// `honeyphone export bundle` and `honeyphone export blocklist`: the evidence bundle of one incident, and block
/// lists of Suspicious/Crafted sources, from the data folder of a honeypot (running or not).
///
/// Exit statuses: 0 done; 1 nothing for that Call-ID; 66 no trace store in the data folder; 73 the output file
/// cannot be written; 65 the bundle would pass its size bound.
public enum ExportCommandRunner {
    /// `export bundle`: writes `output` (a ustar archive, mode 0600: it holds what callers sent and said).
    public struct Bundle: Sendable {
        public var dataFolder: String
        public var callID: String
        public var output: String
        /// Also the messages of the call's sources within this window around the call.
        public var sourceWindow: Duration?

        /// A runner.
        public init(dataFolder: String, callID: String, output: String, sourceWindow: Duration? = nil) {
            self.dataFolder = dataFolder
            self.callID = callID
            self.output = output
            self.sourceWindow = sourceWindow
        }

        /// Runs; prints one summary line; returns the exit status.
        public func run(print: @Sendable (String) -> Void) async throws -> Int32 {
            guard let store = try ExportCommandRunner.openStore(self.dataFolder, print: print) else { return 66 }
            let builder = EvidenceBundleBuilder(store: store, recordingsFolder: self.dataFolder + "/recordings")
            let archive: [UInt8]
            do {
                archive = try await builder.bundle(callID: self.callID, sourceWindow: self.sourceWindow)
            } catch let error as ReportingError where error.code == .notFound {
                print("honeyphone: no message or verdict with that Call-ID in \(self.dataFolder)")
                return 1
            } catch let error as ReportingError where error.code == .tooLarge {
                print("honeyphone: \(error.message)")
                return 65
            }
            guard ExportCommandRunner.write(archive, to: self.output, mode: 0o600) else {
                print("honeyphone: cannot write \(self.output)")
                return 73
            }
            print(
                "honeyphone: wrote \(EvidenceBundleBuilder.folderName(callID: self.callID)) (\(archive.count) bytes) "
                    + "to \(self.output)"
            )
            return 0
        }
    }

    /// `export blocklist`: prints the list, or writes it to `output` and prints a summary line.
    public struct BlockList: Sendable {
        public var dataFolder: String
        public var format: Reporting.BlockList.Format
        public var minimumBelief: Double
        public var since: TraceTimestamp?
        public var output: String?
        /// Prefixes never listed, besides ``BlockListBuilder/defaultAllowList``.
        public var allow: [IPPrefix]

        /// A runner.
        public init(
            dataFolder: String,
            format: Reporting.BlockList.Format = .plain,
            minimumBelief: Double = BlockListBuilder.defaultMinimumBelief,
            since: TraceTimestamp? = nil,
            output: String? = nil,
            allow: [IPPrefix] = []
        ) {
            self.dataFolder = dataFolder
            self.format = format
            self.minimumBelief = minimumBelief
            self.since = since
            self.output = output
            self.allow = allow
        }

        /// Runs; returns the exit status.
        public func run(print: @Sendable (String) -> Void) async throws -> Int32 {
            guard let store = try ExportCommandRunner.openStore(self.dataFolder, print: print) else { return 66 }
            let builder = BlockListBuilder(store: store, allowList: BlockListBuilder.defaultAllowList + self.allow)
            let list = try await builder.list(minimumBelief: self.minimumBelief, since: self.since)
            let text = list.render(self.format)
            guard let output = self.output else {
                if !text.isEmpty { print(String(text.dropLast())) }
                return 0
            }
            guard ExportCommandRunner.write(Array(text.utf8), to: output, mode: 0o644) else {
                print("honeyphone: cannot write \(output)")
                return 73
            }
            print(
                "honeyphone: wrote \(list.addresses.count) address(es) to \(output) (\(self.format.rawValue)); "
                    + "skipped \(list.invalid) not an IP address, \(list.allowed) on the allow list"
            )
            return 0
        }
    }

    static func openStore(_ folder: String, print: @Sendable (String) -> Void) throws -> SQLiteTraceStore? {
        let path = folder + "/traces.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            print("honeyphone: no trace store at \(path)")
            return nil
        }
        return try SQLiteTraceStore(path: path)
    }

    /// Writes `bytes` atomically (a temporary file renamed over `path`) with `mode`.
    static func write(_ bytes: [UInt8], to path: String, mode: Int) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        guard
            FileManager.default.createFile(
                atPath: temporary,
                contents: Data(bytes),
                attributes: [.posixPermissions: mode]
            )
        else { return false }
        do {
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(
                    URL(fileURLWithPath: path),
                    withItemAt: URL(fileURLWithPath: temporary)
                )
            } else {
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
            }
            return true
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
    }
}
