public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Storage

/// POSTs each event's JSON (``HoneyphoneEvent/json``, `Content-Type: application/json`) to a URL, as SentryPeer's
/// webhook does, with AsyncHTTPClient (`HTTPClient.shared`).
///
/// A 2xx answer is delivered. A connection error, a timeout (``requestTimeout``), 408, 429 or a 5xx is retried by
/// the ``RetryPolicy`` (exponential backoff with jitter, bounded tries); another status fails at once. One request
/// is in flight at a time; events wait in the bounded queue (default 1,000), beyond which they are dropped. On
/// graceful shutdown what is queued gets one try each, for at most ``drainTimeout``; the rest count as failed.
public final class WebhookSink: EventSink, Sendable {
    /// The URL.
    public let url: String
    /// Extra request headers (such as an authorization token; never shown in ``name``).
    public let headers: [(name: String, value: String)]
    public let filter: EventFilter
    /// The retry policy.
    public let retry: RetryPolicy
    /// The most time one request may take.
    public let requestTimeout: Duration
    /// The most time spent draining the queue after graceful shutdown starts.
    public let drainTimeout: Duration
    let queue: SinkQueue
    let client: HTTPClient
    let random: @Sendable () -> Double

    /// A sink posting to `url` (`http` or `https` only).
    ///
    /// - Throws: ``ReportingError`` (invalid setting) for another scheme, a URL without host, or a header name or
    ///   value that is not a valid field (CR, LF, NUL).
    public init(
        url: String,
        headers: [(name: String, value: String)] = [],
        filter: EventFilter = .all,
        retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(10),
        drainTimeout: Duration = .seconds(5),
        capacity: Int = 1_000,
        client: HTTPClient? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws(ReportingError) {
        try Self.validate(url: url)
        for header in headers {
            guard !header.name.isEmpty,
                header.name.utf8.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: ":") }),
                !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 })
            else { throw .invalidSetting("a webhook header must be NAME: VALUE without line breaks") }
        }
        self.url = url
        self.headers = headers
        self.filter = filter
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.drainTimeout = drainTimeout
        self.queue = SinkQueue(capacity: capacity)
        self.client = client ?? .shared
        self.random = random
    }

    /// Checks that `url` is an `http` or `https` URL with a host.
    public static func validate(url: String) throws(ReportingError) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty
        else { throw .invalidSetting("a webhook URL must be http:// or https:// with a host") }
    }

    /// `webhook SCHEME://HOST[:PORT]/PATH` (no user, query or fragment: they may hold a secret).
    public var name: String {
        guard let parsed = URL(string: self.url), let scheme = parsed.scheme, let host = parsed.host else {
            return "webhook"
        }
        let port = parsed.port.map { ":\($0)" } ?? ""
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "webhook \(scheme)://\(shownHost)\(port)\(parsed.path)"
    }

    public func offer(_ event: HoneyphoneEvent) {
        if self.filter.accepts(event) { self.queue.offer(event) }
    }

    public var statistics: SinkStatistics { self.queue.statistics }

    public func run() async throws {
        let clock = ContinuousClock()
        var drainDeadline: ContinuousClock.Instant?
        await SinkLoop.run(queue: self.queue, batchSize: 1) { batch in
            for event in batch {
                if drainDeadline == nil, self.queue.isFinished { drainDeadline = clock.now + self.drainTimeout }
                if let deadline = drainDeadline, clock.now >= deadline {
                    self.queue.record(delivered: 0, failed: 1)
                    continue
                }
                let ok = await self.post(event, draining: drainDeadline != nil)
                self.queue.record(delivered: ok ? 1 : 0, failed: ok ? 0 : 1)
            }
        }
    }

    /// The outcome of one try.
    enum Outcome: Equatable {
        case delivered
        case retry
        case fail
    }

    /// Posts `event` with retries; returns whether it was delivered.
    func post(_ event: HoneyphoneEvent, draining: Bool) async -> Bool {
        let body = ByteBuffer(string: event.json)
        let attempts = draining ? 1 : self.retry.maximumAttempts
        for attempt in 1...attempts {
            switch await self.attempt(body) {
            case .delivered: return true
            case .fail: return false
            case .retry:
                if attempt == attempts || self.queue.isFinished { return false }
                do {
                    // A graceful shutdown ends the wait (and the retries) at once.
                    let delay = self.retry.delay(afterAttempt: attempt, random: self.random())
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                } catch {
                    return false
                }
            }
        }
        return false
    }

    func attempt(_ body: ByteBuffer) async -> Outcome {
        var request = HTTPClientRequest(url: self.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "honeyphone")
        for header in self.headers {
            request.headers.replaceOrAdd(name: header.name, value: header.value)
        }
        request.body = .bytes(body)
        do {
            let seconds = max(1, Int64(self.requestTimeout.components.seconds))
            let response = try await self.client.execute(request, timeout: .seconds(seconds))
            _ = try? await response.body.collect(upTo: 65_536)
            switch response.status.code {
            case 200..<300: return .delivered
            case 408, 429, 500..<600: return .retry
            default: return .fail
            }
        } catch {
            return .retry
        }
    }
}
