import Foundation
import ServiceLifecycleTestKit
import Testing

@testable import Reporting

@Suite struct FileSinkTests {
    @Test func jsonLinesAppendsOneObjectPerLine() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("events.jsonl")
        try Data("{\"earlier\":true}\n".utf8).write(to: URL(fileURLWithPath: path))
        let sink = JSONLinesSink(path: path)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                for index in 1...300 {
                    sink.offer(Fixtures.event(uuid: "id-\(index)", userAgent: "ua\nwith newline"))
                }
                trigger.triggerGracefulShutdown()
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 301)
        #expect(lines.first == "{\"earlier\":true}")
        let last = try Fixtures.object(String(lines[300]))
        #expect(last["event_uuid"] as? String == "id-300")
        #expect(sink.statistics.delivered == 300 && sink.statistics.failed == 0 && sink.statistics.pending == 0)
    }

    @Test func createdWithMode0640AndRotated() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("events.jsonl")
        let oldMask = umask(0o022)
        defer { umask(oldMask) }
        let sink = JSONLinesSink(path: path, filter: .alerts, maximumBytes: 4_000)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                for index in 1...20 {
                    sink.offer(Fixtures.event(uuid: "id-\(index)", alert: index % 2 == 0))
                    // Let the loop take events in several batches.
                    try? await Task.sleep(for: .milliseconds(5))
                }
                trigger.triggerGracefulShutdown()
            }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".1")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let rotated = try String(contentsOfFile: path + ".1", encoding: .utf8).split(separator: "\n")
        let current = (try? String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")) ?? []
        // Only alerts were written, and the file was rotated at least once (earlier rotations are overwritten).
        #expect(sink.statistics.accepted == 10 && sink.statistics.delivered == 10)
        #expect(rotated.count + current.count <= 10 && rotated.count >= 1)
        #expect(
            try rotated.allSatisfy { try Fixtures.object(String($0))["honeyphone_alert"] as? Bool == true }
        )
    }

    @Test func unwritableFileCountsFailures() async throws {
        let sink = JSONLinesSink(path: "/nonexistent-folder-for-honeyphone/events.jsonl")
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event())
                sink.offer(Fixtures.event())
                trigger.triggerGracefulShutdown()
            }
        }
        #expect(sink.statistics.failed == 2 && sink.statistics.delivered == 0)
    }

    @Test func queueIsBoundedAndNeverBlocks() {
        let sink = JSONLinesSink(path: "/dev/null", capacity: 5)
        // Not running: the queue fills, then every further offer is dropped at once.
        for _ in 0..<1_000 { sink.offer(Fixtures.event()) }
        let statistics = sink.statistics
        #expect(statistics.accepted == 5 && statistics.dropped == 995 && statistics.pending == 5)
    }

    @Test func fail2banWritesOnlyAlertsWithValidSources() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("fail2ban.log")
        let sink = Fail2banSink(path: path, processID: 99)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event(alert: true))
                sink.offer(Fixtures.event(alert: false))
                sink.offer(Fixtures.event(source: "garbage", alert: true))
                sink.offer(Fixtures.event(source: "2001:db8::9", alert: true))
                trigger.triggerGracefulShutdown()
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].hasSuffix(
                "honeyphone[99]: alert verdict=Crafted belief=0.93 source=198.51.100.7 port=5060 transport=udp method=INVITE"
            )
        )
        #expect(lines[1].contains(" source=2001:db8::9 "))
        let statistics = sink.statistics
        #expect(statistics.accepted == 3 && statistics.delivered == 2 && statistics.failed == 1)
    }
}
