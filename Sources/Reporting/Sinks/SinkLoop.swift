import ServiceLifecycle

/// The delivery loop every sink runs: batches from its queue until graceful shutdown finishes the queue and what
/// is left is delivered (or until cancellation, which drops what is left).
enum SinkLoop {
    static func run(
        queue: SinkQueue,
        batchSize: Int,
        deliver: (_ batch: [HoneyphoneEvent]) async -> Void
    ) async {
        await withGracefulShutdownHandler {
            while let batch = await queue.nextBatch(maximum: batchSize) {
                await deliver(batch)
            }
        } onGracefulShutdown: {
            queue.finish()
        }
    }
}
