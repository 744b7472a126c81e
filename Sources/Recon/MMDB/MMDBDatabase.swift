/// An opened `.mmdb` file that answers lookups as recorded ``Lookup`` values.
public struct MMDBDatabase: Sendable {
    /// The reader.
    public let reader: MMDBReader
    /// The file's path (the lookup source).
    public let path: String
    let clock: ReconClock

    /// Wraps a reader opened from `path`.
    public init(reader: MMDBReader, path: String, clock: ReconClock = .system) {
        self.reader = reader
        self.path = path
        self.clock = clock
    }

    /// Reads and opens the file at `path` (plain POSIX read on NIO's thread pool).
    public static func open(
        path: String,
        limits: MMDBLimits = .init(),
        clock: ReconClock = .system
    ) async throws
        -> MMDBDatabase
    {
        let bytes = try await ReconFile.readAll(path: path, maximumBytes: limits.maximumFileSize)
        return MMDBDatabase(reader: try MMDBReader(bytes: bytes, limits: limits), path: path, clock: clock)
    }

    /// Looks up `address`: known with the extracted fields, or unknown (`not-found`, `malformed`).
    public func lookup(_ address: IPAddress) -> Lookup<GeoRecord> {
        let started = self.clock.now()
        let outcome: Lookup<GeoRecord>.Outcome
        do throws(MMDBError) {
            if let match = try self.reader.lookup(address) {
                outcome = .known(GeoRecord(match))
            } else {
                outcome = .unknown(.notFound("\(address) is in no network of the database"))
            }
        } catch {
            outcome = .unknown(.malformed(error.description))
        }
        let provenance = LookupProvenance(
            source: LookupSource(kind: "mmdb", server: self.path),
            startedAt: started,
            duration: started.duration(to: self.clock.now()),
            fromCache: false
        )
        return Lookup(outcome, provenance: provenance)
    }
}
