import Agent
import Behaviour
import Foundation
import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// Behaviour profiles driving the UA core through ``BehaviourCallController`` (paper §VI-A).
@Suite struct BehaviourCallControllerTests {
    static func profile(_ text: String) throws -> BehaviourProfile {
        try BehaviourProfile(parsing: text, fileName: "test.profile")
    }

    static let autoAnswer = """
        Mode : Deterministic
        Idle {
          INVITE/OpInvestigate,
          INVITE/OpRing,
        }
        Ringing {
          entry/OpStartRing(5),
          ringtimeout/OpAnswerCall
        }
        InCall {
          entry/OpRecord,
          entry/OpPlayFile(speech0.mp3, 60),
          DTMF(5)/OpHangupAfter(0),
          BYE/OpEndCall,
        }
        """

    @Test func theFiveSecondAutoAnswerRingsAnswersPlaysAndRecords() throws {
        let profile = try Self.profile(Self.autoAnswer)
        var call = try CallScript(controllerFactory: { _ in BehaviourCallController(profile: profile, seed: 7) })
        let id = call.id
        let key = call.inviteKey
        #expect(call.opening.steps.contains(.respond(key, 180)))
        #expect(call.opening.steps.contains(.callEvent(id, "OpInvestigate")))
        #expect(call.opening.steps.contains(.callEvent(id, "state Idle -> Ringing")))
        // OpRing arms the 60 s 'timeout' (the ring time-out of Fig. 4), OpStartRing(5) the 5 s 'ringtimeout'.
        let timers = call.opening.compactMap { action -> (UserAgentTimer, Duration)? in
            if case .startTimer(let timer, let after) = action, case .controller = timer { return (timer, after) }
            return nil
        }
        #expect(timers.map(\.1).sorted() == [.seconds(5), .seconds(60)])
        let ringTimer = try #require(timers.first { $0.1 == .seconds(5) })
        let answer = call.core.timerFired(ringTimer.0)
        #expect(answer.steps.contains(.respond(key, 200)))
        #expect(answer.steps.contains(.media(id, .record(limit: nil))))
        #expect(answer.steps.contains(.media(id, .play(file: "speech0.mp3", limit: .seconds(60)))))
        #expect(answer.steps.contains(.callEvent(id, "state Ringing -> InCall")))
        _ = try call.ack()
        // A DTMF 5 by SIP INFO (application/dtmf-relay) hangs up at once: BYE from the honeypot.
        var info = call.inDialog("INFO", cseq: 11, branch: "z9hG4bK-info11")
        info.contentType = "application/dtmf-relay"
        info.body = "Signal=5\r\nDuration=160\r\n"
        let (infoKey, afterInfo) = try call.send(info)
        #expect(afterInfo.steps.first == .respond(infoKey, 200))
        let hangUp = try #require(
            afterInfo.compactMap { action -> UserAgentTimer? in
                if case .startTimer(let timer, .zero) = action { return timer }
                return nil
            }.first
        )
        let bye = call.core.timerFired(hangUp)
        #expect(bye.steps.contains { if case .sendRequest("BYE", _) = $0 { true } else { false } })
        #expect(bye.steps.contains(.media(id, .stopPlay)))
    }

    @Test func dtmfOutGoesByRTPWithTelephoneEventsAndByInfoWithout() throws {
        let profile = try Self.profile(
            """
            Mode : Deterministic
            Idle {
              INVITE/OpRing,
            }
            Ringing {
              entry/OpStartRing(1),
              ringtimeout/OpAnswerCall,
            }
            InCall {
              entry/OpStartTimer(pin, 1),
              pin/OpSendDTMF("4#"),
            }
            """
        )
        func pinActions(offer: String) throws -> [UserAgentAction] {
            var call = try CallScript(
                offerText: offer,
                controllerFactory: { _ in
                    BehaviourCallController(profile: profile, seed: 2)
                }
            )
            let ring = try #require(
                call.opening.compactMap { action -> UserAgentTimer? in
                    if case .startTimer(let timer, .seconds(1)) = action { return timer }
                    return nil
                }.first
            )
            let answered = call.core.timerFired(ring)
            let pin = try #require(
                answered.compactMap { action -> UserAgentTimer? in
                    if case .startTimer(let timer, .seconds(1)) = action, case .controller = timer { return timer }
                    return nil
                }.first
            )
            _ = try call.ack()
            return call.core.timerFired(pin)
        }
        // The fixture's offer has telephone-event 101: the digits go to the media engine (RFC 4733).
        let viaRTP = try pinActions(offer: Fixtures.offer)
        #expect(viaRTP.steps.contains { if case .media(_, .sendDTMF("4#")) = $0 { true } else { false } })
        // An offer without telephone-event: the answer has none either, so SIP INFO, one per digit.
        let plain = Fixtures.offer.replacingOccurrences(of: " 0 8 101\r\n", with: " 0 8\r\n")
            .replacingOccurrences(of: "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n", with: "")
        #expect(!plain.contains("101"))
        let viaInfo = try pinActions(offer: plain)
        let infos = viaInfo.compactMap { action -> String? in
            if case .sendRequest(let builder, _) = action { return Fixtures.text(builder.serialized()) }
            return nil
        }
        #expect(infos.count == 2)
        #expect(infos.first?.hasPrefix("INFO ") == true)
        #expect(infos.first?.contains("Content-Type: application/dtmf-relay\r\n") == true)
        #expect(infos.first?.hasSuffix("\r\n\r\nSignal=4\r\nDuration=160\r\n") == true)
        #expect(infos.last?.contains("Signal=#") == true)
    }

    @Test func theRegistrarProfileChallengesThenRefusesCredentials() throws {
        let profile = try Self.profile(
            """
            Mode : Deterministic
            Idle {
              INVITE/OpChallenge("pbx.example"),
            }
            """
        )
        let factory: CallControllerFactory = { _ in BehaviourCallController(profile: profile, seed: 1) }
        let first = try CallScript(controllerFactory: factory)
        let challenge = try #require(try first.opening.responses().last)
        #expect(challenge.statusCode == 401)
        let header = try #require(Fixtures.values(challenge, "WWW-Authenticate").first)
        #expect(header.hasPrefix("Digest realm=\"pbx.example\",nonce=\""))
        #expect(header.hasSuffix(",algorithm=MD5,qop=\"auth\""))
        #expect(first.core.dialogCount == 0)

        let retry = try CallScript(
            extraHeaders: [
                "Authorization: Digest username=\"1001\",realm=\"pbx.example\",nonce=\"abc\",uri=\"sip:1001@192.0.2.1\","
                    + "response=\"0123456789abcdef0123456789abcdef\",algorithm=MD5"
            ],
            controllerFactory: factory
        )
        #expect(try retry.opening.responses().last?.statusCode == 403)
        #expect(retry.core.dialogCount == 0)
    }

    @Test func figureFourRingsAndTheRingTimeoutCancels() throws {
        let text = """
            Mode : Deterministic
            Idle {
              onhook/OpOnHook,
              INVITE/OpRing,
              offhook/OpStarDialing
            }
            Ringing {
              reINVITE/OpRingingInvite,
              onhook/OpCwRing,
              timeout/OpRingCancel,
              offhook/OpAnswerCall
            }
            Incall{
              onhook/OpTerminateCall,
              BYE/OpEndCall,
            }
            """
        let profile = try Self.profile(text)
        let configuration = BehaviourMachine.Configuration(ringTimeout: .seconds(20))
        var call = try CallScript(controllerFactory: { _ in
            BehaviourCallController(profile: profile, configuration: configuration, seed: 3)
        })
        let timers = call.opening.compactMap { action -> (UserAgentTimer, Duration)? in
            if case .startTimer(let timer, let after) = action, case .controller = timer { return (timer, after) }
            return nil
        }
        let timeout = try #require(timers.first { $0.1 == .seconds(20) })
        let cancelled = call.core.timerFired(timeout.0)
        #expect(cancelled.steps.contains(.respond(call.inviteKey, 480)))
        #expect(call.core.dialogCount == 0)
    }

    @Test(arguments: [
        ("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", "5" as Character?),
        ("application/dtmf-relay", "signal= #\r\n", "#"),
        ("application/dtmf", "7", "7"),
        ("application/dtmf", "a", "A"),
        ("application/dtmf-relay", "Signal=55\r\n", nil),
        ("application/dtmf-relay", "Duration=160\r\n", nil),
        ("text/plain", "5", nil),
    ])
    func infoDigits(type: String, body: String, digit: Character?) throws {
        var request = RequestText("INFO")
        request.contentType = type
        request.body = body
        #expect(UserAgentCore.infoDigitForTesting(try request.message()) == digit)
    }
}
