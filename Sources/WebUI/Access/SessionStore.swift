import Synchronization

/// The logged-in administrators' sessions, in memory (a restart logs everyone out).
///
/// A session is a random 256-bit id (the cookie) with its own CSRF token; it ends after ``idle`` without a
/// request, on logout, or when more than ``maximum`` sessions exist (the least recently used goes). Failed logins
/// are counted per minute; beyond the limit the login refuses without checking the password.
public final class SessionStore: Sendable {
    /// One session.
    public struct Session: Sendable, Hashable {
        public var id: String
        public var csrfToken: String
        public var created: ContinuousClock.Instant
        public var lastUsed: ContinuousClock.Instant
    }

    struct State {
        var sessions: [String: Session] = [:]
        var failureWindowStart: ContinuousClock.Instant?
        var failures = 0
    }

    let idle: Duration
    let maximum: Int
    let failuresPerMinute: Int
    let state = Mutex(State())

    /// A store with these bounds.
    public init(idle: Duration, maximum: Int, failuresPerMinute: Int) {
        self.idle = idle
        self.maximum = max(1, maximum)
        self.failuresPerMinute = max(1, failuresPerMinute)
    }

    /// Opens a session.
    public func open(now: ContinuousClock.Instant = .now) -> Session {
        let session = Session(id: Secrets.token(), csrfToken: Secrets.token(), created: now, lastUsed: now)
        self.state.withLock { state in
            state.sessions = state.sessions.filter { now - $0.value.lastUsed < self.idle }
            while state.sessions.count >= self.maximum,
                let oldest = state.sessions.min(by: { $0.value.lastUsed < $1.value.lastUsed })
            {
                state.sessions[oldest.key] = nil
            }
            state.sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id (its last use set to `now`), or `nil`.
    public func session(id: String, now: ContinuousClock.Instant = .now) -> Session? {
        guard id.utf8.count <= 128 else { return nil }
        return self.state.withLock { state in
            guard var session = state.sessions[id] else { return nil }
            guard now - session.lastUsed < self.idle else {
                state.sessions[id] = nil
                return nil
            }
            session.lastUsed = now
            state.sessions[id] = session
            return session
        }
    }

    /// Ends a session.
    public func close(id: String) {
        _ = self.state.withLock { $0.sessions.removeValue(forKey: id) }
    }

    /// How many sessions are open.
    public var count: Int { self.state.withLock { $0.sessions.count } }

    /// Whether a login may be tried now (fewer than the limit of failures in the current minute).
    public func loginAllowed(now: ContinuousClock.Instant = .now) -> Bool {
        self.state.withLock { state in
            if let start = state.failureWindowStart, now - start >= .seconds(60) {
                state.failureWindowStart = nil
                state.failures = 0
            }
            return state.failures < self.failuresPerMinute
        }
    }

    /// Counts a failed login.
    public func loginFailed(now: ContinuousClock.Instant = .now) {
        self.state.withLock { state in
            if state.failureWindowStart == nil { state.failureWindowStart = now }
            state.failures += 1
        }
    }
}
