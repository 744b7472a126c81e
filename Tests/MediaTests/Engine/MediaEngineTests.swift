import Media
import NIOCore
import NIOPosix
import Testing

@Suite struct MediaEngineTests {
    @Test(.timeLimit(.minutes(1)))
    func skipsPortsInUseAndBoundsSessions() async throws {
        let engine = MediaEngine(
            configuration: MediaConfiguration(host: "127.0.0.1", portRange: 41_200...41_205, maximumSessions: 2)
        )
        // Another process has the first RTCP port: that pair is skipped.
        let (blocker, _) = try await Loopback.socket(port: 41_201)
        let first = try await engine.makeSession(.init(remoteRTPAddress: nil))
        #expect(first.rtpPort == 41_202)
        #expect(first.rtcpPort == 41_203)
        let second = try await engine.makeSession(.init(remoteRTPAddress: nil))
        #expect(second.rtpPort == 41_204)
        #expect(engine.sessionCount == 2)
        await #expect {
            try await engine.makeSession(.init(remoteRTPAddress: nil))
        } throws: { error in
            (error as? MediaError)?.code == .tooManySessions
        }
        try await first.stop()
        try await first.stop()  // idempotent: the slot is released once
        #expect(engine.sessionCount == 1)
        // The only free pair left is the blocked one, then 41202 again.
        let third = try await engine.makeSession(.init(remoteRTPAddress: nil))
        #expect(third.rtpPort == 41_202)
        try await second.stop()
        try await third.stop()
        #expect(engine.sessionCount == 0)
        try await blocker.close()
    }

    @Test(.timeLimit(.minutes(1)))
    func failsWhenNoPortIsFree() async throws {
        let engine = MediaEngine(configuration: MediaConfiguration(host: "127.0.0.1", portRange: 41_210...41_211))
        let (blocker, _) = try await Loopback.socket(port: 41_210)
        await #expect {
            try await engine.makeSession(.init(remoteRTPAddress: nil))
        } throws: { error in
            (error as? MediaError)?.code == .noPortAvailable
        }
        #expect(engine.sessionCount == 0)
        try await blocker.close()
    }
}
