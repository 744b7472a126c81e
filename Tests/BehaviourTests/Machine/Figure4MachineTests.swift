import Behaviour
import Testing

@Suite struct Figure4MachineTests {
    private func machine() throws -> BehaviourMachine {
        BehaviourMachine(
            profile: try Fixtures.load(Fixtures.figure4),
            configuration: BehaviourMachine.Configuration(ringTimeout: .seconds(60), autoOffhookAfter: .seconds(3))
        )
    }

    @Test func inviteRingsAndTimeoutCancelsBackToIdle() throws {
        var machine = try self.machine()
        #expect(machine.currentStateName == "Idle")
        #expect(
            machine.start(call: BehaviourCall(callID: "a")) == [
                .ring,
                .startTimer(Fixtures.timer("timeout", 1), after: .seconds(60)),
                .startTimer(Fixtures.timer("offhook", 2), after: .seconds(3)),
                .transitioned(from: "Idle", to: "Ringing"),
            ]
        )
        #expect(machine.currentStateName == "Ringing")
        #expect(
            machine.timerFired(Fixtures.timer("timeout", 1)) == [
                .hangUp,
                .transitioned(from: "Ringing", to: "Idle"),
                .cancelTimer(Fixtures.timer("offhook", 2)),
            ]
        )
        #expect(machine.currentStateName == "Idle")
        #expect(machine.isFinished)
        #expect(machine.timerFired(Fixtures.timer("offhook", 2)) == [])
    }

    @Test func offhookAnswersThenTheCallRunsInIncall() throws {
        var machine = try self.machine()
        _ = machine.start(call: BehaviourCall())
        #expect(machine.timerFired(Fixtures.timer("timeout", 7)) == [], "unknown generation")
        #expect(
            machine.timerFired(Fixtures.timer("offhook", 2)) == [
                .cancelTimer(Fixtures.timer("timeout", 1)),
                .answer,
                .transitioned(from: "Ringing", to: "Incall"),
            ]
        )
        #expect(machine.timerFired(Fixtures.timer("timeout", 1)) == [], "cancelled by the answer")
        #expect(machine.received(request: "ACK") == [])
        #expect(machine.dtmf("5") == [.log(operator: .opFwdDigit, detail: "DTMF 5")])
        #expect(machine.dtmf("x") == [])
        #expect(
            machine.received(request: "INVITE", isReinvite: true) == [.log(operator: .opReinvite, detail: "reINVITE")]
        )
        #expect(machine.phone(.flash) == [.log(operator: .opStartCallWaiting, detail: "flash")])
        #expect(machine.received(request: "BYE") == [.transitioned(from: "Incall", to: "Idle")])
        #expect(machine.isFinished)
        #expect(machine.received(request: "BYE") == [])
    }

    @Test func onhookInIncallHangsUp() throws {
        var machine = try self.machine()
        _ = machine.start(call: BehaviourCall())
        _ = machine.phone(.offhook)
        #expect(machine.phone(.onhook) == [.hangUp, .transitioned(from: "Incall", to: "Idle")])
    }

    @Test func outgoingSideOfTheFigureIsReachableByPhoneEvents() throws {
        // A profile that starts with OPTIONS (no INVITE rule): the phone goes off hook, dials, and follows
        // the responses of Trying.
        var machine = try self.machine()
        #expect(machine.start(call: BehaviourCall(method: "OPTIONS")) == [])
        #expect(
            machine.phone(.offhook) == [
                .log(operator: .opStarDialing, detail: "offhook"),
                .transitioned(from: "Idle", to: "Dialing"),
            ]
        )
        #expect(machine.dtmf("#") == [.log(operator: .opAddDigit, detail: "DTMF #")])
        #expect(
            machine.phone(.dialcomplete) == [
                .log(operator: .opInviteUrl, detail: "dialcomplete"),
                .transitioned(from: "Dialing", to: "Trying"),
            ]
        )
        #expect(machine.received(responseStatus: 180) == [.log(operator: .opStartRingBackTone, detail: "180")])
        #expect(machine.received(responseStatus: 302) == [.log(operator: .opRedirect, detail: "302")])
        #expect(machine.received(responseStatus: 404) == [])
        #expect(
            machine.received(responseStatus: 200) == [
                .log(operator: .opFarEndAnswered, detail: "200"),
                .transitioned(from: "Trying", to: "Incall"),
            ]
        )
    }
}
