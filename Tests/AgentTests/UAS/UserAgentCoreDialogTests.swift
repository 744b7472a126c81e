import Agent
import NIOCore
import SDP
import SIPCore
import SIPTransactions
import SIPTransport
import Testing

/// One call driven by script: the INVITE, the UA core's timers fired by hand, the caller's ACK, BYE, CANCEL.
struct CallScript {
    var core: UserAgentCore
    var invite: RequestText
    var inviteMessage: SIPMessage
    var inviteKey: SIPTransactionKey
    var arrival: SIPArrival
    var id: DialogID
    var opening: [UserAgentAction]

    init(
        policy: BuiltInCallPolicy.Settings = .init(),
        persona: String = Persona.defaultID,
        transport: SIPTransportKind = .udp,
        offer: Bool = true,
        offerText: String = Fixtures.offer,
        extraHeaders: [String] = [],
        controllerFactory: CallControllerFactory? = nil
    ) throws {
        let configuration = UserAgentCore.Configuration(
            defaultPersona: Fixtures.persona(persona),
            rtpPorts: 20_000...20_010,
            controllerFactory: controllerFactory ?? { _ in BuiltInCallPolicy(settings: policy) }
        )
        self.core = UserAgentCore(configuration: configuration, seed: 1_234)
        var invite = RequestText("INVITE")
        invite.via = "SIP/2.0/\(transport.viaToken) 198.51.100.7:5060;branch=z9hG4bK-inv1;rport"
        invite.callID = "inv-call-1"
        invite.cseqNumber = 10
        invite.extra = ["Record-Route: <sip:proxy1.example;lr>, <sip:proxy2.example;lr>"] + extraHeaders
        if offer {
            invite.contentType = "application/sdp"
            invite.body = offerText
        }
        self.invite = invite
        self.inviteMessage = try invite.message()
        self.inviteKey = try #require(SIPTransactionKey(serverTransactionOf: self.inviteMessage))
        self.arrival = Fixtures.arrival(transport)
        self.opening = self.core.received(self.inviteMessage, key: self.inviteKey, arrival: self.arrival)
        // The first response with a To tag: 180 Ringing, or the final answer when the call never rings.
        let tagged = try #require(try self.opening.responses().first { ($0.statusCode ?? 0) >= 180 })
        let localTag = try #require(tagged.to?.tag)
        self.id = DialogID(callID: "inv-call-1", localTag: localTag, remoteTag: "ftag1")
    }

    /// A request from the caller inside the dialog.
    func inDialog(_ method: String, cseq: Int, branch: String) -> RequestText {
        var request = RequestText(method)
        request.via = "SIP/2.0/\(self.arrival.transport.viaToken) 198.51.100.7:5060;branch=\(branch);rport"
        request.callID = "inv-call-1"
        request.to = "<sip:1001@192.0.2.1>;tag=\(self.id.localTag)"
        request.cseqNumber = cseq
        return request
    }

    mutating func send(_ request: RequestText) throws -> (SIPTransactionKey, [UserAgentAction]) {
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        return (key, self.core.received(message, key: key, arrival: self.arrival))
    }

    mutating func ack(cseq: Int = 10) throws -> [UserAgentAction] {
        var ack = self.inDialog("ACK", cseq: cseq, branch: "z9hG4bK-ack\(cseq)")
        ack.cseq = "\(cseq) ACK"
        return self.core.receivedACK(try ack.message())
    }

    mutating func ring() -> [UserAgentAction] {
        self.core.timerFired(.controller(self.id, "ringtimeout"))
    }

    var peer: SIPTarget { self.arrival.replyTarget }
}

@Suite struct UserAgentCoreDialogTests {
    @Test func inviteRingsThenAnswersWithSDP() throws {
        var call = try CallScript()
        let id = call.id
        let key = call.inviteKey
        #expect(
            call.opening.steps == [
                .callEvent(id, "incoming"),
                .respond(key, 100),
                .respond(key, 180),
                .callEvent(id, "ringing"),
                .startTimer(.controller(id, "ringtimeout"), .seconds(3)),
            ]
        )
        let provisional = try call.opening.responses()
        #expect(provisional[0].to?.tag == nil)
        #expect(provisional[1].to?.tag == id.localTag)
        #expect(Fixtures.values(provisional[1], "Contact") == ["<sip:1001@192.0.2.1:5060>"])
        // Linphone's tags: nine token characters.
        #expect(id.localTag.count == 9)
        #expect(call.core.dialogCount == 1)

        let answer = call.ring()
        #expect(
            answer.steps == [
                .mediaStart(id, 20_000),
                .respond(key, 200),
                .startTimer(.retransmit2xx(id), .milliseconds(500)),
                .startTimer(.ackTimeout(id), .seconds(32)),
                .callEvent(id, "answered"),
            ]
        )
        let ok = try #require(try answer.responses().first)
        #expect(ok.to?.tag == id.localTag)
        #expect(Fixtures.values(ok, "Content-Type") == ["application/sdp"])
        #expect(Fixtures.values(ok, "Contact") == ["<sip:1001@192.0.2.1:5060>"])
        let sdp = try SDPParser.parse(ok.body)
        #expect(sdp.sessionName == "Talk")
        let text = Fixtures.text(ok.body)
        #expect(text.contains("\r\nm=audio 20000 RTP/AVP 0 8 101\r\n"))
        #expect(text.contains("a=rtpmap:0 PCMU/8000"))
        #expect(text.contains("a=rtpmap:8 PCMA/8000"))
        #expect(text.contains("a=rtpmap:101 telephone-event/8000"))
        #expect(text.contains("c=IN IP4 192.0.2.1"))
        #expect(text.hasPrefix("v=0\r\no=1001 "))
    }

    @Test func answerWithoutOfferCarriesAnOffer() throws {
        var call = try CallScript(persona: "yealink-t27g-69.86", offer: false)
        let ok = try #require(try call.ring().responses().first)
        let text = Fixtures.text(ok.body)
        #expect(text.contains("s=SDP data\r\n"))
        #expect(text.contains("m=audio 20000 RTP/AVP 0 8 101"))
        #expect(text.contains("a=rtpmap:101 telephone-event/8000"))
    }

    @Test func personaWithoutTryingSendsNo100() throws {
        let call = try CallScript(persona: "baresip-1.0.0")
        #expect(!call.opening.steps.contains(.respond(call.inviteKey, 100)))
        #expect(call.opening.steps.contains(.respond(call.inviteKey, 180)))
    }

    @Test func retransmissionOf2xxDoublesUpToT2() throws {
        var call = try CallScript()
        let ok = try #require(call.ring().responseBuilders.first).serialized()
        var intervals: [Duration] = []
        for _ in 0..<5 {
            let actions = call.core.timerFired(.retransmit2xx(call.id))
            #expect(actions.count == 2)
            guard actions.count == 2 else { return }
            guard case .retransmit(let key, let bytes, let status) = actions[0] else {
                Issue.record("expected a retransmission, got \(actions.steps)")
                return
            }
            #expect(key == call.inviteKey && status == 200 && bytes == ok)
            guard case .startTimer(.retransmit2xx(call.id), let after) = actions[1] else {
                Issue.record("expected the timer restarted, got \(actions.steps)")
                return
            }
            intervals.append(after)
        }
        #expect(intervals == [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
    }

    @Test func theAnswerOpensMediaWithTheNegotiatedValuesAndTheEndClosesIt() throws {
        var call = try CallScript()
        let answer = call.ring()
        let setup = try #require(
            answer.compactMap { action -> MediaSetup? in
                if case .mediaStart(_, let setup) = action { return setup }
                return nil
            }.first
        )
        #expect(
            setup
                == MediaSetup(
                    localPort: 20_000,
                    localAddress: "192.0.2.1",
                    remoteAddress: "198.51.100.7",
                    remotePort: 40_000,
                    payloadType: 0,
                    telephoneEventPayloadType: 101
                )
        )
        // Without an offer the honeypot offers; symmetric RTP learns the caller's address.
        var offerless = try CallScript(offer: false)
        let offered = offerless.ring().compactMap { action -> MediaSetup? in
            if case .mediaStart(_, let setup) = action { return setup }
            return nil
        }
        #expect(offered.first?.remoteAddress == nil)
        #expect(offered.first?.localPort == 20_000)
    }

    @Test func reliableTransportsDoNotRetransmitThe2xx() throws {
        var call = try CallScript(transport: .tcp)
        let answer = call.ring()
        #expect(
            answer.steps == [
                .mediaStart(call.id, 20_000),
                .respond(call.inviteKey, 200),
                .startTimer(.ackTimeout(call.id), .seconds(32)),
                .callEvent(call.id, "answered"),
            ]
        )
        #expect(
            try Fixtures.values(#require(try answer.responses().first), "Contact") == [
                "<sip:1001@192.0.2.1:5060;transport=tcp>"
            ]
        )
    }

    @Test func ackEstablishesAndTheCallTimerHangsUpWithBye() throws {
        var call = try CallScript()
        let id = call.id
        _ = call.ring()
        #expect(
            try call.ack().steps == [
                .cancelTimer(.retransmit2xx(id)),
                .cancelTimer(.ackTimeout(id)),
                .callEvent(id, "established"),
                .startTimer(.controller(id, "calltimeout"), .seconds(30)),
            ]
        )
        // A second ACK (retransmitted) changes nothing.
        #expect(try call.ack().isEmpty)
        #expect(call.core.timerFired(.retransmit2xx(id)).isEmpty)

        let hangUp = call.core.timerFired(.controller(id, "calltimeout"))
        #expect(hangUp.steps == [.sendRequest("BYE", call.peer), .callEvent(id, "hang-up")])
        let (bye, target) = try #require(try hangUp.requests().first)
        #expect(target.remote == Fixtures.callerAddress)
        #expect(target.transport == .udp)
        #expect(bye.requestURIText == "sip:caller@198.51.100.7:5060")
        #expect(Fixtures.values(bye, "Route") == ["<sip:proxy1.example;lr>", "<sip:proxy2.example;lr>"])
        #expect(Fixtures.values(bye, "From") == ["<sip:1001@192.0.2.1>;tag=\(id.localTag)"])
        #expect(Fixtures.values(bye, "To") == ["\"Caller\" <sip:caller@198.51.100.7>;tag=ftag1"])
        #expect(Fixtures.values(bye, "Call-ID") == ["inv-call-1"])
        #expect(bye.cseq?.method == .bye)
        let sequence = try #require(bye.cseq?.sequence)
        #expect((2...10_000).contains(sequence))
        #expect(bye.maxForwards == 70)
        #expect(bye.topVia?.branch?.hasPrefix("z9hG4bK.") == true)
        #expect(bye.topVia?.host.text == "192.0.2.1")

        let ended = call.core.clientTransactionEnded(callID: id.callID, localTag: id.localTag, remoteTag: id.remoteTag)
        #expect(
            ended.steps == [
                .cancelTimer(.retransmit2xx(id)),
                .cancelTimer(.ackTimeout(id)),
                .mediaStop(id),
                .callEvent(id, "ended"),
            ]
        )
        #expect(call.core.dialogCount == 0)
    }

    @Test func remoteByeGets200AndEndsTheDialog() throws {
        var call = try CallScript()
        let id = call.id
        _ = call.ring()
        _ = try call.ack()
        let (key, actions) = try call.send(call.inDialog("BYE", cseq: 11, branch: "z9hG4bK-bye1"))
        #expect(
            actions.steps == [
                .respond(key, 200),
                .cancelTimer(.controller(id, "calltimeout")),
                .cancelTimer(.retransmit2xx(id)),
                .cancelTimer(.ackTimeout(id)),
                .mediaStop(id),
                .callEvent(id, "remote hang-up"),
            ]
        )
        let ok = try #require(try actions.responses().first)
        #expect(ok.to?.tag == id.localTag)
        #expect(ok.cseq == SIPCSeq(sequence: 11, method: .bye))
        #expect(call.core.dialogCount == 0)
        let (again, repeated) = try call.send(call.inDialog("BYE", cseq: 12, branch: "z9hG4bK-bye2"))
        #expect(repeated.steps == [.respond(again, 481)])
    }

    @Test func byeWithAnOldCSeqGets500() throws {
        var call = try CallScript()
        _ = call.ring()
        _ = try call.ack()
        let (key, actions) = try call.send(call.inDialog("BYE", cseq: 9, branch: "z9hG4bK-old"))
        #expect(actions.steps == [.respond(key, 500)])
        #expect(call.core.dialogCount == 1)
    }

    @Test func cancelWhileRingingGets200AndTheInvite487() throws {
        var call = try CallScript()
        let id = call.id
        var cancel = call.invite
        cancel.method = "CANCEL"
        cancel.cseq = "10 CANCEL"
        cancel.extra = []
        cancel.contentType = nil
        cancel.body = ""
        let message = try cancel.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let matching = try #require(SIPTransactionKey.keyOfTransactionCancelled(by: message))
        #expect(matching == call.inviteKey)
        let actions = call.core.receivedCancel(
            message,
            key: key,
            matching: matching,
            arrival: call.arrival,
            inviteStillProceeding: true
        )
        #expect(
            actions.steps == [
                .respond(key, 200),
                .respond(call.inviteKey, 487),
                .cancelTimer(.controller(id, "ringtimeout")),
                .cancelTimer(.retransmit2xx(id)),
                .cancelTimer(.ackTimeout(id)),
                .callEvent(id, "cancelled"),
            ]
        )
        let responses = try actions.responses()
        #expect(responses.map(\.to?.tag) == [id.localTag, id.localTag])
        #expect(responses[1].cseq == SIPCSeq(sequence: 10, method: .invite))
        #expect(call.core.dialogCount == 0)
        // The ring timer, if it still fires, finds nothing.
        #expect(call.ring().isEmpty)
    }

    @Test func reinviteGetsANewSDPVersionAndASecondOneGets491() throws {
        var call = try CallScript()
        let id = call.id
        let first = try #require(try call.ring().responses().first)
        _ = try call.ack()
        var reinvite = call.inDialog("INVITE", cseq: 11, branch: "z9hG4bK-re1")
        reinvite.contentType = "application/sdp"
        reinvite.body = Fixtures.offer
        let (key, actions) = try call.send(reinvite)
        #expect(
            actions.steps == [
                .respond(key, 200),
                .startTimer(.retransmit2xx(id), .milliseconds(500)),
                .startTimer(.ackTimeout(id), .seconds(32)),
                .callEvent(id, "re-INVITE"),
            ]
        )
        let ok = try #require(try actions.responses().first)
        let before = try #require(try SDPParser.parse(first.body).origin)
        let after = try #require(try SDPParser.parse(ok.body).origin)
        #expect(after.sessionID == before.sessionID)
        #expect(UInt64(after.sessionVersion) == UInt64(before.sessionVersion).map { $0 + 1 })
        #expect(ok.to?.tag == id.localTag)

        var second = call.inDialog("INVITE", cseq: 12, branch: "z9hG4bK-re2")
        second.contentType = "application/sdp"
        second.body = Fixtures.offer
        let (secondKey, pending) = try call.send(second)
        #expect(pending.steps == [.respond(secondKey, 491)])

        // The ACK of the re-INVITE stops its timers but is not a new establishment.
        #expect(try call.ack(cseq: 11).steps == [.cancelTimer(.retransmit2xx(id)), .cancelTimer(.ackTimeout(id))])
    }

    @Test func noAckAfter64T1HangsUp() throws {
        var call = try CallScript()
        let id = call.id
        _ = call.ring()
        let actions = call.core.timerFired(.ackTimeout(id))
        #expect(
            actions.steps == [
                .cancelTimer(.retransmit2xx(id)),
                .callEvent(id, "no ACK"),
                .sendRequest("BYE", call.peer),
                .callEvent(id, "hang-up"),
            ]
        )
        // A late ACK no longer matters.
        #expect(try call.ack().isEmpty)
    }

    @Test func policyThatDoesNotAnswerRejects() throws {
        var call = try CallScript(policy: .init(ringTime: .seconds(5), answer: false, rejectStatus: 603))
        let id = call.id
        #expect(call.opening.steps.last == .startTimer(.controller(id, "ringtimeout"), .seconds(5)))
        let actions = call.ring()
        #expect(
            actions.steps == [
                .respond(call.inviteKey, 603),
                .cancelTimer(.retransmit2xx(id)),
                .cancelTimer(.ackTimeout(id)),
                .callEvent(id, "rejected 603"),
            ]
        )
        let response = try #require(try actions.responses().first)
        #expect(response.reasonPhrase == "Decline")
        #expect(response.to?.tag == id.localTag)
        #expect(call.core.dialogCount == 0)
    }

    @Test func policyWithoutHangUpWaitsForTheCaller() throws {
        var call = try CallScript(policy: .init(hangUpAfter: nil))
        _ = call.ring()
        #expect(
            try call.ack().steps == [
                .cancelTimer(.retransmit2xx(call.id)), .cancelTimer(.ackTimeout(call.id)),
                .callEvent(call.id, "established"),
            ]
        )
    }

    @Test func inDialogOptionsAndInfoAreAnswered() throws {
        var call = try CallScript()
        _ = call.ring()
        _ = try call.ack()
        let (optionsKey, options) = try call.send(call.inDialog("OPTIONS", cseq: 11, branch: "z9hG4bK-o1"))
        #expect(options.steps == [.respond(optionsKey, 200)])
        let (infoKey, info) = try call.send(call.inDialog("INFO", cseq: 12, branch: "z9hG4bK-i1"))
        #expect(info.steps == [.respond(infoKey, 200)])
    }
}

/// A controller that answers at once and hangs up when its timer fires, whether or not the ACK came.
struct HastyController: CallController {
    mutating func start(_ call: IncomingCall) -> [CallCommand] {
        [.answer, .startTimer("bye", after: .milliseconds(100))]
    }

    mutating func handle(_ event: CallEvent) -> [CallCommand] {
        event == .timer("bye") ? [.hangUp] : []
    }
}

@Suite struct UserAgentCoreHangUpTests {
    /// RFC 3261 §15: "the callee's UA MUST NOT send a BYE on a confirmed dialog until it has received an ACK for
    /// its 2xx response or until the server transaction times out."
    @Test
    func byeWaitsForTheACK() throws {
        var core = UserAgentCore(
            configuration: .init(
                defaultPersona: Fixtures.persona(Persona.defaultID),
                controllerFactory: { _ in HastyController() }
            ),
            seed: 9
        )
        let invite = try RequestText("INVITE").message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: invite))
        let opening = core.received(invite, key: key, arrival: Fixtures.arrival())
        let ok = try #require(try opening.responses().first { $0.statusCode == 200 })
        let id = DialogID(callID: "call-1@198.51.100.7", localTag: try #require(ok.to?.tag), remoteTag: "ftag1")
        let hangUp = core.timerFired(.controller(id, "bye"))
        #expect(!hangUp.steps.contains { if case .sendRequest = $0 { true } else { false } })
        var ack = RequestText("ACK")
        ack.to = "<sip:1001@192.0.2.1>;tag=\(id.localTag)"
        let afterACK = core.receivedACK(try ack.message())
        #expect(afterACK.steps.contains(.sendRequest("BYE", Fixtures.arrival().replyTarget)))
    }
}
