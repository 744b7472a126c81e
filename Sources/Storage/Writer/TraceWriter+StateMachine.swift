// The writer's queue as a value-type state machine, kept behind a `Mutex` by `TraceWriter`.
//
// The receive path calls `submit` and must never wait, so the machine does constant work per call: it
// admits a record if both bounds leave room, otherwise it counts a drop. The bounds count every record that
// is pending, that is submitted and not yet written or failed, including the batch the writer is storing
// right now: memory is bounded by the configured capacity and bytes, not by twice them.
//
// The queue is kept in batches of at most `batchSize` records, as they will be stored: the writer takes them all
// at once (`takeAll`, an O(1) swap) and hands each to the store as it is, without copying slices of one long
// array (under a flood a copy retained a dozen strings per record), stores each in one transaction, and reports each transaction's result (`written` / `failed`), which releases that
// many records from the bounds. After `close()` every submit is refused and counted as dropped, so the final
// flush ends.

extension TraceWriter {
    /// The queue, its bounds and its counters (see the essay at the top of the file).
    struct StateMachine: Sendable {
        /// Whether records are accepted.
        enum Phase: Sendable, Hashable {
            /// Accepting records.
            case open
            /// Refusing records; the writer flushes what is pending and stops.
            case closed
        }

        /// What `submit` did.
        enum SubmitResult: Sendable, Hashable {
            /// Queued.
            case accepted
            /// Refused: a bound was reached or the writer is closed; counted in `dropped`.
            case dropped
        }

        /// The most pending records.
        let capacity: Int
        /// The most pending approximate bytes.
        let maxBytes: Int
        /// The most records per batch.
        let batchSize: Int
        /// Open or closed.
        private(set) var phase: Phase = .open
        /// The queued records in batches of at most `batchSize` (only the last one is not full).
        private var queue: [[TraceRecord]] = []
        /// Records submitted and not yet written or failed (queued plus in flight).
        private(set) var pendingCount = 0
        /// The approximate bytes of those records.
        private(set) var pendingBytes = 0
        /// Records accepted.
        private(set) var submitted: UInt64 = 0
        /// Records stored.
        private(set) var written: UInt64 = 0
        /// Records refused.
        private(set) var dropped: UInt64 = 0
        /// Records lost to store errors.
        private(set) var failed: UInt64 = 0

        /// An open, empty queue with these bounds, batching `batchSize` records (at least 1).
        init(capacity: Int, maxBytes: Int, batchSize: Int) {
            self.capacity = capacity
            self.maxBytes = maxBytes
            self.batchSize = max(1, batchSize)
        }

        /// A record arrives from the receive or send path.
        mutating func submit(_ record: TraceRecord) -> SubmitResult {
            let size = record.approximateSize
            switch self.phase {
            case .open:
                guard self.pendingCount < self.capacity, self.pendingBytes + size <= self.maxBytes else {
                    self.dropped += 1
                    return .dropped
                }
                if let last = self.queue.indices.last, self.queue[last].count < self.batchSize {
                    self.queue[last].append(record)
                } else {
                    var batch: [TraceRecord] = []
                    batch.reserveCapacity(min(self.batchSize, self.capacity))
                    batch.append(record)
                    self.queue.append(batch)
                }
                self.pendingCount += 1
                self.pendingBytes += size
                self.submitted += 1
                return .accepted
            case .closed:
                self.dropped += 1
                return .dropped
            }
        }

        /// The writer takes every queued record, in batches of at most `batchSize` (they stay pending until
        /// reported).
        mutating func takeAll() -> [[TraceRecord]] {
            if self.queue.isEmpty { return [] }
            var taken: [[TraceRecord]] = []
            swap(&taken, &self.queue)
            return taken
        }

        /// A batch of `count` records of `bytes` total was stored.
        mutating func written(count: Int, bytes: Int) {
            self.release(count: count, bytes: bytes)
            self.written += UInt64(count)
        }

        /// A batch of `count` records of `bytes` total could not be stored: they are lost, and counted.
        mutating func failed(count: Int, bytes: Int) {
            self.release(count: count, bytes: bytes)
            self.failed += UInt64(count)
        }

        /// Stop accepting records.
        mutating func close() {
            switch self.phase {
            case .open: self.phase = .closed
            case .closed: break
            }
        }

        private mutating func release(count: Int, bytes: Int) {
            self.pendingCount -= count
            self.pendingBytes -= bytes
            precondition(self.pendingCount >= 0 && self.pendingBytes >= 0, "released more than was pending")
        }

        /// The counters as the public ``TraceWriter/Statistics``.
        var statistics: TraceWriter.Statistics {
            TraceWriter.Statistics(
                submitted: self.submitted,
                written: self.written,
                dropped: self.dropped,
                failed: self.failed,
                pending: self.pendingCount,
                pendingBytes: self.pendingBytes
            )
        }
    }
}
