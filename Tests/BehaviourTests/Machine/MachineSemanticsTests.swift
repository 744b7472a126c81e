import Behaviour
import Testing

@Suite struct MachineSemanticsTests {
    private func machine(
        _ body: String,
        configuration: BehaviourMachine.Configuration = BehaviourMachine.Configuration(ringTimeout: nil)
    ) throws -> BehaviourMachine {
        BehaviourMachine(profile: try Fixtures.load("Mode : Deterministic\n" + body), configuration: configuration)
    }

    @Test func rulesCatchingOneEventAllRunInClauseOrderAndTheFirstTargetWins() throws {
        var machine = try self.machine(
            """
            Idle { INVITE/OpInvestigate, INVITE/OpRing, INVITE/OpRecord, INVITE/OpAnswerCall }
            Ringing { entry/OpPlayFile(ring.wav) }
            InCall {}
            """
        )
        #expect(
            machine.start(call: BehaviourCall()) == [
                .investigate, .ring, .record(limit: nil), .answer,
                .transitioned(from: "Idle", to: "Ringing"),
                .play(file: "ring.wav", limit: nil),
            ]
        )
        #expect(machine.profile.warnings.count == 1)
    }

    @Test func mostSpecificPatternsWin() throws {
        var machine = try self.machine(
            """
            Idle {
              INVITE/OpInvestigate,
              DTMF/OpAddDigit, DTMF(5)/OpFwdDigit,
              4xx/OpStarDialing -> Idle, 48x/OpRingingInvite, 486/OpCwRing, 6xx/OpReinvite,
            }
            """
        )
        _ = machine.start(call: BehaviourCall())
        #expect(machine.dtmf("5") == [.log(operator: .opFwdDigit, detail: "DTMF 5")])
        #expect(machine.dtmf("6") == [.log(operator: .opAddDigit, detail: "DTMF 6")])
        #expect(machine.received(responseStatus: 486) == [.log(operator: .opCwRing, detail: "486")])
        #expect(machine.received(responseStatus: 480) == [.log(operator: .opRingingInvite, detail: "480")])
        #expect(
            machine.received(responseStatus: 404) == [
                .log(operator: .opStarDialing, detail: "404"), .transitioned(from: "Idle", to: "Idle"),
            ]
        )
        #expect(machine.received(responseStatus: 603) == [.log(operator: .opReinvite, detail: "603")])
        #expect(machine.received(responseStatus: 200) == [])
        #expect(machine.received(responseStatus: 999) == [])
    }

    @Test func delayDefersTheFollowingRulesOfTheSameEvent() throws {
        var driver = VirtualClockDriver(
            try self.machine(
                """
                Idle { INVITE/OpRing, INVITE/OpDelay(2.5), INVITE/OpAnswerCall }
                Ringing {}
                InCall { entry/OpDelay(1), entry/OpSendDTMF(123), DTMF/OpRingCancel -> Idle }
                """
            )
        )
        #expect(
            driver.perform(driver.machine.start(call: BehaviourCall())) == [
                .ring,
                .startTimer(Fixtures.timer("$delay", 1), after: .milliseconds(2500)),
                .cancelTimer(Fixtures.timer("$delay", 1)),
                .transitioned(from: "Idle", to: "Ringing"),
            ],
            "OpRing's move to Ringing drops the deferred answer"
        )
        #expect(driver.advance(by: .seconds(10)) == [])

        var direct = VirtualClockDriver(
            try self.machine(
                """
                Idle { INVITE/OpDelay(2.5), INVITE/OpAnswerCall }
                InCall { entry/OpDelay(1), entry/OpSendDTMF(123), DTMF/OpRingCancel -> Idle }
                """
            )
        )
        #expect(
            direct.perform(direct.machine.start(call: BehaviourCall())) == [
                .startTimer(Fixtures.timer("$delay", 1), after: .milliseconds(2500))
            ]
        )
        #expect(
            direct.advance(by: .seconds(4)) == [
                .answer,
                .transitioned(from: "Idle", to: "InCall"),
                .startTimer(Fixtures.timer("$delay", 2), after: .seconds(1)),
                .sendDTMF("123"),
            ]
        )
        #expect(direct.log.last?.at == .milliseconds(3500))
        #expect(direct.machine.timerFired(Fixtures.timer("$delay", 2)) == [], "already consumed")
    }

    @Test func entryChainsAreBounded() throws {
        var machine = try self.machine(
            """
            A { INVITE/OpRecord -> B }
            B { entry/OpInvestigate -> C }
            C { entry/OpInvestigate -> B }
            """,
            configuration: BehaviourMachine.Configuration(maximumTransitionsPerInput: 3)
        )
        let actions = machine.start(call: BehaviourCall())
        #expect(
            actions == [
                .record(limit: nil),
                .transitioned(from: "A", to: "B"), .investigate,
                .transitioned(from: "B", to: "C"), .investigate,
                .transitioned(from: "C", to: "B"), .investigate,
                .boundReached(.transitionsPerInput),
            ]
        )
        #expect(machine.currentStateName == "B")
    }

    @Test func explicitSelfTargetReentersAndExitRulesRun() throws {
        var machine = try self.machine(
            """
            Idle { entry/OpInvestigate, exit/OpStopPlay, INVITE/OpPlayFile(a.wav), DTMF/OpAddDigit -> Idle }
            """
        )
        #expect(machine.start(call: BehaviourCall()) == [.investigate, .play(file: "a.wav", limit: nil)])
        #expect(
            machine.dtmf("1") == [
                .log(operator: .opAddDigit, detail: "DTMF 1"),
                .stopPlay,
                .transitioned(from: "Idle", to: "Idle"),
                .investigate,
            ]
        )
    }

    @Test func hangupAfterTimersAndStaleGenerations() throws {
        var driver = VirtualClockDriver(
            try self.machine(
                """
                Idle { INVITE/OpAnswerCall, INVITE/OpHangupAfter(30), INVITE/OpStartTimer(nag, 10) }
                InCall { nag/OpStartTimer(nag, 10), nag/OpSendDTMF(1), entry/OpRecord(120) }
                """
            )
        )
        #expect(
            driver.perform(driver.machine.start(call: BehaviourCall())) == [
                .answer,
                .startTimer(Fixtures.timer("$hangup", 1), after: .seconds(30)),
                .startTimer(Fixtures.timer("nag", 2), after: .seconds(10)),
                .transitioned(from: "Idle", to: "InCall"),
                .record(limit: .seconds(120)),
            ]
        )
        #expect(
            driver.advance(by: .seconds(10)) == [
                .startTimer(Fixtures.timer("nag", 3), after: .seconds(10)), .sendDTMF("1"),
            ]
        )
        #expect(driver.machine.timerFired(Fixtures.timer("nag", 2)) == [], "stale generation")
        driver.advance(by: .seconds(10))
        #expect(
            driver.advance(by: .seconds(10)) == [
                .hangUp, .stopRecord, .cancelTimer(Fixtures.timer("nag", 4)),
            ]
        )
        #expect(driver.now == .seconds(30))
        #expect(driver.machine.isFinished)
    }

    @Test func finalResponsesEndTheCallOnce() throws {
        var machine = try self.machine(
            """
            Idle { INVITE/OpReject(486, "Busy Here"), INVITE/OpRedirect(sip:x@y), INVITE/OpRing }
            Ringing {}
            """
        )
        #expect(
            machine.start(call: BehaviourCall()) == [
                .reject(status: 486, reason: "Busy Here"), .transitioned(from: "Idle", to: "Ringing"),
            ]
        )
        #expect(machine.isFinished)

        var challenger = try self.machine("Idle { REGISTER/OpChallenge(\"asterisk\") }")
        #expect(challenger.start(call: BehaviourCall(method: "register")) == [.challenge(realm: "asterisk")])

        var answered = try self.machine("Idle { INVITE/OpAnswerCall -> Idle, DTMF/OpReject(603) }")
        _ = answered.start(call: BehaviourCall())
        #expect(
            answered.dtmf("1") == [
                .log(operator: .opReject, detail: "the call is answered: hanging up instead"), .hangUp,
            ]
        )
    }

    @Test func mediaEventsAndCallEnd() throws {
        var machine = try self.machine(
            """
            Idle { INVITE/OpAnswerCall -> Idle, INVITE/OpPlayFile(a.wav, 5), playdone/OpPlayFile(b.wav),
                   recorddone/OpStopPlay }
            """
        )
        _ = machine.start(call: BehaviourCall())
        #expect(machine.mediaFinished(.play) == [.play(file: "b.wav", limit: nil)])
        #expect(machine.mediaFinished(.record) == [.stopPlay])
        #expect(machine.callEnded(.ackTimeout) == [])
        #expect(machine.isFinished)
        #expect(machine.start(call: BehaviourCall()) == [])
    }

    @Test func inputsPerCallAreBounded() throws {
        var machine = try self.machine(
            "Idle { INVITE/OpAnswerCall -> Idle, DTMF/OpAddDigit }",
            configuration: BehaviourMachine.Configuration(maximumInputsPerCall: 3)
        )
        _ = machine.start(call: BehaviourCall())
        #expect(machine.dtmf("1").count == 1)
        #expect(machine.dtmf("2").count == 1)
        #expect(machine.dtmf("3") == [.boundReached(.inputsPerCall), .hangUp])
        #expect(machine.isFinished)
    }

    @Test func phoneEventTimersAndOffHookAfter() throws {
        var driver = VirtualClockDriver(
            try self.machine(
                """
                Idle { INVITE/OpRing, INVITE/OpOffHookAfter(4) }
                Ringing { offhook/OpAnswerCall, flash/OpOnHookAfter(1) }
                InCall { entry/OpStartTimer(flash, 2), onhook/OpTerminateCall }
                """
            )
        )
        driver.perform(driver.machine.start(call: BehaviourCall()))
        #expect(
            driver.advance(by: .seconds(4)) == [
                .answer,
                .transitioned(from: "Ringing", to: "InCall"),
                .startTimer(Fixtures.timer("flash", 2), after: .seconds(2)),
            ]
        )
        #expect(driver.advance(by: .seconds(2)) == [], "flash has no rule in InCall")
    }
}
