import Synchronization

/// A sleep function for ``TraceWriter`` that the test releases by hand: each ``tick()`` ends the pending
/// sleep; cancelling the sleeping task ends it with `CancellationError`.
final class ManualSleeper: Sendable {
    private struct State {
        var waiters: [CheckedContinuation<Void, any Error>] = []
        var sleeps = 0
    }

    private let state = Mutex(State())

    /// How many times `sleep` was called.
    var sleeps: Int { self.state.withLock { $0.sleeps } }

    /// Whether a sleep is waiting for a tick.
    var isSleeping: Bool { self.state.withLock { !$0.waiters.isEmpty } }

    func sleep(_ duration: Duration) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = self.state.withLock { state in
                    state.sleeps += 1
                    if Task.isCancelled { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let waiters = self.state.withLock { state in
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(throwing: CancellationError()) }
        }
    }

    /// Ends the pending sleeps.
    func tick() {
        let waiters = self.state.withLock { state in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Waits (polling briefly) until `condition` holds, for at most about five seconds.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<5_000 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return condition()
}
