import Foundation
import Hummingbird
import NIOCore
import Synchronization

extension WebSite {
    /// The most event streams open at once (each holds a subscription).
    static let maximumLiveStreams = 16

    /// `GET /events`: server-sent events. `event: verdict` with a ``LiveEvent`` as JSON for each verdict made,
    /// `event: status` with the ``LiveStatus`` every 5 s, and a comment line as a heartbeat.
    func addLiveRoutes(_ router: Router<WebRequestContext>) {
        router.get("/events") { _, _ in
            guard let stream = self.liveStreams.acquire(limit: Self.maximumLiveStreams) else {
                return WebResponses.plain(.serviceUnavailable, "too many live streams\n")
            }
            let backend = self.backend
            let streams = self.liveStreams
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            let body = ResponseBody { writer in
                let (merged, continuation) = AsyncStream.makeStream(
                    of: String.self,
                    bufferingPolicy: .bufferingNewest(256)
                )
                // Graceful shutdown ends every stream (``LiveStreamCounter/closeAll()``), so that an open dashboard
                // never holds the server up.
                guard streams.attach(stream, finish: { continuation.finish() }) else { return }
                defer { streams.release(stream) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in backend.liveEvents() {
                            continuation.yield(Self.sse("verdict", Self.json(event)))
                        }
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            continuation.yield(Self.sse("status", Self.json(await backend.status())))
                            try await Task.sleep(for: .seconds(5))
                        }
                    }
                    try await writer.write(ByteBuffer(string: ": honeyphone live events\nretry: 3000\n\n"))
                    for await chunk in merged {
                        try await writer.write(ByteBuffer(string: chunk))
                    }
                    group.cancelAll()
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    static func sse(_ event: String, _ data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The open live streams: a bounded count, and a way to end them all at graceful shutdown.
final class LiveStreamCounter: Sendable {
    struct State {
        var next = 0
        var open: [Int: (@Sendable () -> Void)?] = [:]
        var closed = false
    }

    let state = Mutex(State())

    /// Reserves a stream, or `nil` when `limit` are open or the server is shutting down.
    func acquire(limit: Int) -> Int? {
        self.state.withLock { state in
            guard !state.closed, state.open.count < limit else { return nil }
            state.next += 1
            state.open[state.next] = .some(nil)
            return state.next
        }
    }

    /// Gives a reserved stream the closure that ends it; `false` (and nothing kept) when already shutting down.
    func attach(_ id: Int, finish: @escaping @Sendable () -> Void) -> Bool {
        self.state.withLock { state in
            guard !state.closed, state.open[id] != nil else { return false }
            state.open[id] = finish
            return true
        }
    }

    /// Frees a stream.
    func release(_ id: Int) {
        _ = self.state.withLock { $0.open.removeValue(forKey: id) }
    }

    /// Ends every open stream and refuses new ones.
    func closeAll() {
        let finishes = self.state.withLock { state in
            state.closed = true
            return state.open.values.compactMap { $0 }
        }
        for finish in finishes { finish() }
    }

    /// How many streams are open.
    var count: Int { self.state.withLock { $0.open.count } }
}
