/// A place traced messages are kept: the interface every driver implements.
///
/// ``SQLiteTraceStore`` is the single-host driver; a PostgreSQL driver for fleets implements the same
/// protocol. The interface is in the module's own types only (no SQL, no driver types), every method is
/// `async`, and records carry no driver state beyond their ``TraceRecord/id``. Drivers must store every
/// field of a record so that it reads back equal, keep ``TraceRecord/raw`` byte-exact, and pass every
/// value as a bound argument.
public protocol TraceStore: Sendable {
    /// Stores `records` in one transaction: all of them or none.
    func append(_ records: [TraceRecord]) async throws

    /// The records matching `query`, in its order, with ``TraceRecord/id`` set.
    func query(_ query: TraceQuery) async throws -> [TraceRecord]

    /// How many records match `query`, ignoring its ``TraceQuery/limit`` and ``TraceQuery/order``.
    func count(_ query: TraceQuery) async throws -> Int

    /// The record with this id, or `nil`.
    func record(id: Int64) async throws -> TraceRecord?
}
