import Behaviour
import Testing

@Suite struct ProfileParserTests {
    @Test func figure4LoadsVerbatim() throws {
        let profile = try Fixtures.load(Fixtures.figure4)
        #expect(profile.mode == .deterministic)
        #expect(profile.states.map(\.name) == ["Idle", "Ringing", "Dialing", "Trying", "Incall", "Calling Error"])
        #expect(profile.states.map(\.rules.count) == [3, 4, 3, 4, 5, 1])
        #expect(profile.warnings.isEmpty)
        let idle = profile.states[0]
        #expect(idle.rules[1].event == .request("INVITE"))
        guard case .call(let ring) = idle.rules[1].step else {
            Issue.record("expected a call")
            return
        }
        #expect(ring.operation.name == .opRing)
        #expect(ring.implicitTarget == 1)
        #expect(ring.position == SourcePosition(line: 5, column: 10))
        guard case .call(let waiting) = profile.states[4].rules[4].step else {
            Issue.record("expected a call")
            return
        }
        #expect(waiting.operation.name == .opStartCallWaiting)
        #expect(profile.states[3].rules[1].event == .response(ResponsePattern("30x")!))
        #expect(profile.states[3].position == SourcePosition(line: 19, column: 1))
    }

    @Test func printedFigure4ListsItsSixStatesAndReloads() throws {
        let profile = try Fixtures.load(Fixtures.figure4)
        let text = ProfilePrinter.render(profile)
        #expect(text.contains("# 6 states, 20 rules; initial state: Idle"))
        for name in ["Idle {", "Ringing {", "Dialing {", "Trying {", "Incall {", "Calling Error {"] {
            #expect(text.contains("\n\(name)\n"), "missing \(name)")
        }
        #expect(text.contains("    INVITE/OpRing,  # -> Ringing\n"))
        #expect(text.contains("    flash/OpStartCallWaiting,\n"))
        #expect(text.contains("    offhook/OpAnswerCall,  # -> Incall\n"))
        let reloaded = try Fixtures.load(text)
        #expect(ProfilePrinter.render(reloaded) == text)
        #expect(reloaded.states.map(\.rules).count == profile.states.count)
    }

    @Test func sectionSixExamplesLoad() throws {
        let profile = try Fixtures.load(Fixtures.autoAnswer)
        guard case .call(let startRing) = profile.states[1].rules[0].step else {
            Issue.record("expected a call")
            return
        }
        #expect(startRing.operation == BehaviourOperation(name: .opStartRing, arguments: [.seconds(.constant(5))]))
        guard case .call(let play) = profile.states[2].rules[1].step else {
            Issue.record("expected a call")
            return
        }
        #expect(play.operation.arguments == [.text("speech0.mp3"), .seconds(.constant(60))])
        #expect(play.operation.description == "OpPlayFile(speech0.mp3, 60)")
        #expect(profile.states[0].rules[0].event == .request("INVITE"))
    }

    @Test func argumentsEventsTargetsAndComments() throws {
        let profile = try Fixtures.load(
            """
            # leading comment
            Mode:Randomized   # trailing comment
            Idle {
              INVITE / choose(0.7: OpStartRing(uniform(2,8)), 0.3: OpReject(486, "Busy Here") -> Done),
              DTMF(5)/OpSendDTMF("12#*"),   # a quoted # is not a comment
              DTMF(star)/OpRedirect(sip:alice@example.com),
              DTMF("#")/OpRedirect(sips:bob@example.com;transport=tls) -> Done,
              SUBSCRIBE/OpReject(489),
              4xx/OpPlayFile("hold music.wav", exponential(30)),
              ringtimeout/OpStartTimer(nag, normal(10, 2)),
              nag/OpChallenge(asterisk),
              timeout/OpDelay(1.5),
              playdone/OpHangupAfter(0.25),
            }
            Done{}
            """
        )
        #expect(profile.mode == .randomized)
        #expect(profile.armedTimers == ["nag"])
        let rules = profile.states[0].rules
        #expect(
            rules.map(\.event) == [
                .request("INVITE"), .dtmf("5"), .dtmf("*"), .dtmf("#"), .request("SUBSCRIBE"),
                .response(ResponsePattern("4xx")!), .timer("ringtimeout"), .timer("nag"), .timer("timeout"),
                .mediaFinished(.play),
            ]
        )
        guard case .choose(let alternatives) = rules[0].step else {
            Issue.record("expected choose")
            return
        }
        #expect(alternatives.map(\.weight) == [0.7, 0.3])
        guard case .call(let reject) = alternatives[1].step else {
            Issue.record("expected a call")
            return
        }
        #expect(reject.operation.arguments == [.integer(486), .text("Busy Here")])
        #expect(reject.explicitTarget == 1)
        let text = ProfilePrinter.render(profile)
        #expect(
            text.contains(#"INVITE/choose(0.7: OpStartRing(uniform(2, 8)), 0.3: OpReject(486, "Busy Here") -> Done),"#)
        )
        #expect(text.contains(##"DTMF("#")/OpRedirect(sips:bob@example.com;transport=tls) -> Done,"##))
        #expect(text.contains(#"DTMF(5)/OpSendDTMF("12#*"),"#))
        #expect(ProfilePrinter.render(try Fixtures.load(text)) == text)
    }

    @Test func namesAreCaseInsensitiveAndStateNamesNormalizeSpaces() throws {
        let profile = try Fixtures.load(
            """
            MODE : deterministic
            calling   error { ONHOOK/opOnHook -> CALLING ERROR }
            """
        )
        #expect(profile.states[0].name == "calling error")
        #expect(profile.stateIndex(named: "Calling  Error") == 0)
        guard case .call(let call) = profile.states[0].rules[0].step else {
            Issue.record("expected a call")
            return
        }
        #expect(call.explicitTarget == 0)
        #expect(call.operation.name == .opOnHook)
    }

    @Test func conflictingTargetsWarn() throws {
        let profile = try Fixtures.load(
            """
            Mode : Deterministic
            Idle { INVITE/OpRing, INVITE/OpAnswerCall }
            Ringing {}
            InCall {}
            """
        )
        #expect(profile.warnings.count == 1)
        #expect(profile.warnings.first?.position == SourcePosition(line: 2, column: 23))
        #expect(profile.warnings.first?.message.contains("the first (line 2) wins") == true)
    }

    @Test func missingImplicitTargetWarns() throws {
        let profile = try Fixtures.load("Mode : Deterministic\nIdle { INVITE/OpAnswerCall }\n")
        #expect(profile.warnings.map(\.position) == [SourcePosition(line: 2, column: 15)])
    }
}
