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
            guard self.liveStreams.acquire(limit: Self.maximumLiveStreams) else {
                return WebResponses.plain(.serviceUnavailable, "too many live streams\n")
            }
            let backend = self.backend
            let streams = self.liveStreams
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            let body = ResponseBody { writer in
                defer { streams.release() }
                let (merged, continuation) = AsyncStream.makeStream(
                    of: String.self,
                    bufferingPolicy: .bufferingNewest(256)
                )
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

/// A counter of open live streams with a limit.
final class LiveStreamCounter: Sendable {
    let open = Mutex(0)

    func acquire(limit: Int) -> Bool {
        self.open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() {
        self.open.withLock { $0 = max(0, $0 - 1) }
    }
}
