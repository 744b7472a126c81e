import Testing

@testable import Storage

@Suite struct TraceWriterTests {
    private func makeWriter(
        capacity: Int = 100,
        maxBytes: Int = 1 << 30,
        batchSize: Int = 100
    ) -> (TraceWriter, RecordingStore, ManualSleeper) {
        let store = RecordingStore()
        let sleeper = ManualSleeper()
        let writer = TraceWriter(
            store: store,
            configuration: .init(capacity: capacity, maxBytes: maxBytes, batchSize: batchSize),
            sleep: { try await sleeper.sleep($0) }
        )
        return (writer, store, sleeper)
    }

    @Test func fullQueueDropsAndCountsWithoutLosingWhatWasQueued() async throws {
        let (writer, store, _) = self.makeWriter(capacity: 4)
        let results = (0..<6).map { writer.submit(Fixtures.plain($0)) }
        #expect(results == [true, true, true, true, false, false])
        var statistics = writer.statistics
        #expect(statistics.submitted == 4)
        #expect(statistics.dropped == 2)
        #expect(statistics.pending == 4)

        let run = Task { try await writer.run() }
        run.cancel()
        try await run.value
        #expect(store.records == (0..<4).map { Fixtures.plain($0) })
        statistics = writer.statistics
        #expect(statistics.written == 4)
        #expect(statistics.pending == 0)
        #expect(statistics.pendingBytes == 0)
        #expect(writer.submit(Fixtures.plain(9)) == false)
        #expect(writer.statistics.dropped == 3)
    }

    @Test func byteBoundDrops() {
        let size = Fixtures.plain(0, rawSize: 1_000).approximateSize
        let (writer, _, _) = self.makeWriter(maxBytes: 2 * size + size / 2)
        #expect(writer.submit(Fixtures.plain(0, rawSize: 1_000)))
        #expect(writer.submit(Fixtures.plain(1, rawSize: 1_000)))
        #expect(!writer.submit(Fixtures.plain(2, rawSize: 1_000)))
        #expect(writer.submit(Fixtures.plain(3, rawSize: 10)))
        #expect(writer.statistics.dropped == 1)
        #expect(writer.statistics.pendingBytes == 2 * size + Fixtures.plain(3, rawSize: 10).approximateSize)
    }

    @Test func drainsInBatchesEveryInterval() async throws {
        let (writer, store, sleeper) = self.makeWriter(batchSize: 3)
        let run = Task { try await writer.run() }
        for index in 0..<10 { writer.submit(Fixtures.plain(index)) }
        #expect(await eventually { sleeper.isSleeping })
        #expect(store.batches.isEmpty)
        sleeper.tick()
        #expect(await eventually { writer.statistics.written == 10 })
        #expect(store.batches.map(\.count) == [3, 3, 3, 1])
        #expect(store.records == (0..<10).map { Fixtures.plain($0) })

        for index in 10..<12 { writer.submit(Fixtures.plain(index)) }
        #expect(await eventually { sleeper.isSleeping })
        sleeper.tick()
        #expect(await eventually { writer.statistics.written == 12 })
        #expect(store.batches.map(\.count) == [3, 3, 3, 1, 2])
        run.cancel()
        try await run.value
        #expect(sleeper.sleeps >= 2)
    }

    @Test func flushesOnCancellation() async throws {
        let (writer, store, sleeper) = self.makeWriter()
        let run = Task { try await writer.run() }
        #expect(await eventually { sleeper.isSleeping })
        for index in 0..<5 { writer.submit(Fixtures.plain(index)) }
        run.cancel()
        try await run.value
        #expect(store.records.count == 5)
        #expect(writer.statistics.written == 5)
        #expect(writer.statistics.pending == 0)
    }

    @Test func storeFailuresAreCounted() async throws {
        let (writer, store, sleeper) = self.makeWriter(batchSize: 2)
        store.setFailing(true)
        let run = Task { try await writer.run() }
        for index in 0..<3 { writer.submit(Fixtures.plain(index)) }
        #expect(await eventually { sleeper.isSleeping })
        sleeper.tick()
        #expect(await eventually { writer.statistics.failed == 3 })
        store.setFailing(false)
        writer.submit(Fixtures.plain(3))
        run.cancel()
        try await run.value
        let statistics = writer.statistics
        #expect(statistics.failed == 3)
        #expect(statistics.written == 1)
        #expect(statistics.pending == 0)
        #expect(store.records == [Fixtures.plain(3)])
    }

    @Test func writesThroughToSQLite() async throws {
        let store = try SQLiteTraceStore.inMemory()
        let writer = TraceWriter(store: store, clock: ContinuousClock())
        let run = Task { try await writer.run() }
        for index in 0..<1_000 { writer.submit(Fixtures.plain(index)) }
        run.cancel()
        try await run.value
        #expect(try await store.count(TraceQuery()) == 1_000)
        #expect(writer.statistics.written == 1_000)
    }
}
