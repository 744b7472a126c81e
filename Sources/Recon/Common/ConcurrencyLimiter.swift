import Synchronization

/// Bounds how many operations run at once; a bounded number of callers wait in FIFO order.
///
/// State is a value behind a `Mutex`; waiters are continuations resumed outside the lock.
/// A waiting task is not cancelled early: every Recon operation has its own deadline, so a slot frees soon.
final class ConcurrencyLimiter: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state = Mutex(State())
    let maximumRunning: Int
    let maximumWaiting: Int

    init(maximumRunning: Int, maximumWaiting: Int) {
        self.maximumRunning = max(1, maximumRunning)
        self.maximumWaiting = max(0, maximumWaiting)
    }

    /// Takes a slot, waiting if needed; `false` when the wait queue is full (nothing was taken).
    func acquire() async -> Bool {
        enum Decision { case run, wait, reject }
        let immediate: Decision = self.state.withLock { state in
            if state.running < self.maximumRunning {
                state.running += 1
                return .run
            }
            return state.waiters.count - state.head < self.maximumWaiting ? .wait : .reject
        }
        switch immediate {
        case .run: return true
        case .reject: return false
        case .wait: break
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let runNow: Bool = self.state.withLock { state in
                if state.running < self.maximumRunning {
                    state.running += 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if runNow { continuation.resume() }
        }
        return true
    }

    /// Returns a slot, handing it to the oldest waiter if there is one.
    func release() {
        let next: CheckedContinuation<Void, Never>? = self.state.withLock { state in
            if state.head < state.waiters.count {
                let waiter = state.waiters[state.head]
                state.head += 1
                if state.head > 64, state.head * 2 > state.waiters.count {
                    state.waiters.removeFirst(state.head)
                    state.head = 0
                }
                return waiter  // the slot passes on; `running` stays the same
            }
            state.running -= 1
            return nil
        }
        next?.resume()
    }
}
