import Synchronization

/// Runs `operation` in a new task and returns its value, or `nil` when `duration` passes first. The
/// operation is not cancelled (Recon lookups are each bounded by their own deadline); its result is
/// simply not waited for.
func valueWithin<T: Sendable>(_ duration: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    let slot = Mutex<CheckedContinuation<T?, Never>?>(nil)
    let finish: @Sendable (T?) -> Void = { value in
        let continuation = slot.withLock { stored -> CheckedContinuation<T?, Never>? in
            let taken = stored
            stored = nil
            return taken
        }
        continuation?.resume(returning: value)
    }
    return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
        slot.withLock { $0 = continuation }
        let timer = Task {
            try? await Task.sleep(for: duration)
            finish(nil)
        }
        Task {
            let value = await operation()
            timer.cancel()
            finish(value)
        }
    }
}
