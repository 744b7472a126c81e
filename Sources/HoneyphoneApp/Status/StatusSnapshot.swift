public import Agent
public import Foundation
public import Storage

/// What the running honeypot writes to `status.json` every 2 s and `honeyphone status` prints.
public struct StatusSnapshot: Codable, Sendable {
    /// Trace writer counters.
    public struct Traces: Codable, Sendable {
        public var submitted: UInt64
        public var written: UInt64
        public var dropped: UInt64
        public var failed: UInt64
        public var pending: Int

        init(_ statistics: TraceWriter.Statistics) {
            self.submitted = statistics.submitted
            self.written = statistics.written
            self.dropped = statistics.dropped
            self.failed = statistics.failed
            self.pending = statistics.pending
        }
    }

    public var identity: String
    public var pid: Int
    public var updatedAt: Double
    public var listening: [String]
    public var messages: SIPStack.Statistics
    public var dialogs: Int
    public var transactions: Int
    public var registrations: [RegistrationStatus]
    public var traces: Traces
    public var grantedReceiveBuffers: [Int]
    public var openConnections: Int
    public var refusedConnections: Int
    /// Datagrams the kernel dropped at the honeypot's UDP sockets (receive buffer full); `nil` if unknown.
    public var kernelUDPDrops: Int?

    /// Writes the snapshot as JSON, atomically (a temporary file renamed).
    func write(to path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Reads a snapshot.
    static func read(from path: String) throws -> StatusSnapshot {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(StatusSnapshot.self, from: data)
    }
}
