import Behaviour
import Testing

@Suite struct AutoAnswerTests {
    @Test func answersAfterFiveSecondsRecordsAndPlaysUntilBye() throws {
        let profile = try Fixtures.load(Fixtures.autoAnswer)
        var driver = VirtualClockDriver(BehaviourMachine(profile: profile))
        let started = driver.perform(driver.machine.start(call: BehaviourCall(callID: "call-1")))
        #expect(
            started == [
                .investigate,
                .ring,
                .startTimer(Fixtures.timer("timeout", 1), after: .seconds(60)),
                .transitioned(from: "Idle", to: "Ringing"),
                .startTimer(Fixtures.timer("ringtimeout", 2), after: .seconds(5)),
            ]
        )
        #expect(driver.advance(by: .milliseconds(4999)) == [])
        #expect(
            driver.advance(by: .milliseconds(1)) == [
                .cancelTimer(Fixtures.timer("timeout", 1)),
                .answer,
                .transitioned(from: "Ringing", to: "InCall"),
                .record(limit: nil),
                .play(file: "speech0.mp3", limit: .seconds(60)),
            ]
        )
        #expect(driver.now == .seconds(5))
        #expect(driver.machine.currentStateName == "InCall")
        #expect(driver.pendingTimers.isEmpty)
        #expect(driver.advance(by: .seconds(100)) == [])
        #expect(
            driver.perform(driver.machine.received(request: "BYE")) == [
                .transitioned(from: "InCall", to: "Idle"),
                .stopPlay,
                .stopRecord,
            ]
        )
        #expect(driver.machine.isFinished)
        #expect(driver.log.first?.at == .zero)
        #expect(driver.log.first { $0.action == .answer }?.at == .seconds(5))
    }

    @Test func cancelBeforeTheAnswerEndsQuietly() throws {
        var driver = VirtualClockDriver(BehaviourMachine(profile: try Fixtures.load(Fixtures.autoAnswer)))
        driver.perform(driver.machine.start(call: BehaviourCall()))
        driver.advance(by: .seconds(2))
        #expect(
            driver.perform(driver.machine.received(request: "CANCEL")) == [
                .cancelTimer(Fixtures.timer("timeout", 1)),
                .cancelTimer(Fixtures.timer("ringtimeout", 2)),
            ]
        )
        #expect(driver.pendingTimers.isEmpty)
        #expect(driver.advance(by: .seconds(10)) == [])
    }
}
