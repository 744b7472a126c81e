import Agent
import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Testing

/// RFC 3261 §8.2's checks, one request each.
@Suite struct UserAgentCoreRejectionTests {
    func respond(
        _ request: RequestText,
        configuration: UserAgentCore.Configuration = .init(defaultPersona: Fixtures.persona(Persona.defaultID))
    ) throws -> (SIPTransactionKey, [UserAgentAction], SIPMessage) {
        var core = UserAgentCore(configuration: configuration, seed: 7)
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let actions = core.received(message, key: key, arrival: Fixtures.arrival())
        let response = try #require(try actions.responses().first)
        return (key, actions, response)
    }

    @Test func parserErrorGets400NamingTheAnomaly() throws {
        var request = RequestText("OPTIONS")
        request.cseq = "one OPTIONS"
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 400)])
        #expect(response.reasonPhrase == "Bad Request - invalid-header-syntax")
        #expect(response.to?.tag != nil)
    }

    @Test(arguments: ["http://example.com/x", "mailto:a@example.com", "urn:service:sos"])
    func unsupportedSchemeGets416(_ uri: String) throws {
        var request = RequestText("OPTIONS")
        request.uri = uri
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 416)])
        #expect(response.reasonPhrase == "Unsupported URI Scheme")
    }

    @Test(arguments: ["REGISTER", "PUBLISH"])
    func knownMethodThePersonaLacksGets405WithAllow(_ method: String) throws {
        let (key, actions, response) = try self.respond(RequestText(method))
        #expect(actions.steps == [.respond(key, 405)])
        #expect(Fixtures.values(response, "Allow") == [Fixtures.persona(Persona.defaultID).allow])
    }

    @Test func unknownMethodGets501() throws {
        let (key, actions, response) = try self.respond(RequestText("FROBNICATE"))
        #expect(actions.steps == [.respond(key, 501)])
        #expect(response.reasonPhrase == "Not Implemented")
    }

    @Test func unsupportedRequireGets420WithUnsupported() throws {
        var request = RequestText("OPTIONS")
        request.extra = ["Require: foo, replaces"]
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 420)])
        #expect(Fixtures.values(response, "Unsupported") == ["foo"])
    }

    @Test func supportedRequireIsAccepted() throws {
        var request = RequestText("OPTIONS")
        request.extra = ["Require: replaces"]
        let (key, actions, _) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 200)])
    }

    @Test func inviteWithTextBodyGets415WithAccept() throws {
        var request = RequestText("INVITE")
        request.contentType = "text/plain"
        request.body = "hello"
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 415)])
        #expect(Fixtures.values(response, "Accept") == ["application/sdp"])
    }

    @Test func encodedBodyGets415WithAcceptEncoding() throws {
        var request = RequestText("INVITE")
        request.contentType = "application/sdp"
        request.extra = ["Content-Encoding: gzip"]
        request.body = Fixtures.offer
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 415)])
        #expect(Fixtures.values(response, "Accept-Encoding") == ["identity"])
    }

    @Test(arguments: ["OPTIONS", "INVITE"])
    func mergedRequestGets482WhileTheFirstIsServed(_ method: String) throws {
        var core = UserAgentCore(
            configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID)),
            seed: 7
        )
        var first = RequestText(method)
        first.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-fork1"
        var second = first
        second.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-fork2"
        var third = first
        third.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-fork3"
        let m1 = try first.message()
        let m2 = try second.message()
        let m3 = try third.message()
        let k1 = try #require(SIPTransactionKey(serverTransactionOf: m1))
        let k2 = try #require(SIPTransactionKey(serverTransactionOf: m2))
        let k3 = try #require(SIPTransactionKey(serverTransactionOf: m3))
        let a1 = core.received(m1, key: k1, arrival: Fixtures.arrival())
        #expect(!a1.steps.contains(.respond(k1, 482)))
        #expect(core.received(m2, key: k2, arrival: Fixtures.arrival()).steps == [.respond(k2, 482)])
        // A retransmission of the first (same key) is not a merged request.
        #expect(!core.received(m1, key: k1, arrival: Fixtures.arrival()).steps.contains(.respond(k1, 482)))
        core.serverTransactionEnded(k1)
        #expect(!core.received(m3, key: k3, arrival: Fixtures.arrival()).steps.contains(.respond(k3, 482)))
    }

    @Test func aStatelessAnswerIsCheckedForMergesButNotRemembered() throws {
        var core = UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID)), seed: 7)
        var first = RequestText("OPTIONS")
        first.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-s1"
        var second = first
        second.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-s2"
        let m1 = try first.message()
        let m2 = try second.message()
        let k1 = try #require(SIPTransactionKey(serverTransactionOf: m1))
        let k2 = try #require(SIPTransactionKey(serverTransactionOf: m2))
        core.answeringStatelessly = true
        #expect(core.received(m1, key: k1, arrival: Fixtures.arrival()).steps == [.respond(k1, 200)])
        // Not remembered: the same request on another branch is not a merge of a stateless one.
        #expect(core.received(m2, key: k2, arrival: Fixtures.arrival()).steps == [.respond(k2, 200)])
        // But a stateless request that merges with one being served statefully is refused.
        core.answeringStatelessly = false
        _ = core.received(m1, key: k1, arrival: Fixtures.arrival())
        core.answeringStatelessly = true
        #expect(core.received(m2, key: k2, arrival: Fixtures.arrival()).steps == [.respond(k2, 482)])
    }

    @Test func maxForwardsZeroGets483ForInviteButNotOptions() throws {
        var invite = RequestText("INVITE")
        invite.maxForwards = "0"
        let (inviteKey, inviteActions, _) = try self.respond(invite)
        #expect(inviteActions.steps == [.respond(inviteKey, 483)])
        var options = RequestText("OPTIONS")
        options.maxForwards = "0"
        let (optionsKey, optionsActions, _) = try self.respond(options)
        #expect(optionsActions.steps == [.respond(optionsKey, 200)])
    }

    @Test(arguments: ["OPTIONS", "BYE", "INFO", "INVITE"])
    func unknownDialogGets481(_ method: String) throws {
        var request = RequestText(method)
        request.to = "<sip:1001@192.0.2.1>;tag=nosuchdialog"
        let (key, actions, response) = try self.respond(request)
        #expect(actions.steps == [.respond(key, 481)])
        #expect(response.to?.tag == "nosuchdialog")
    }

    @Test func byeOutsideADialogGets481() throws {
        let (key, actions, _) = try self.respond(RequestText("BYE"))
        #expect(actions.steps == [.respond(key, 481)])
    }

    @Test func cancelMatchingNothingGets481() throws {
        var core = UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID)), seed: 7)
        let cancel = try RequestText("CANCEL").message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: cancel))
        let actions = core.receivedCancel(
            cancel,
            key: key,
            matching: nil,
            arrival: Fixtures.arrival(),
            inviteStillProceeding: false
        )
        #expect(actions.steps == [.respond(key, 481)])
    }

    @Test func cancelOfATransactionWithoutADialogGets200Only() throws {
        var core = UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID)), seed: 7)
        let cancel = try RequestText("CANCEL").message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: cancel))
        let matching = try #require(SIPTransactionKey.keyOfTransactionCancelled(by: cancel))
        let actions = core.receivedCancel(
            cancel,
            key: key,
            matching: matching,
            arrival: Fixtures.arrival(),
            inviteStillProceeding: true
        )
        #expect(actions.steps == [.respond(key, 200)])
    }

    @Test func videoOnlyOfferGets488() throws {
        var request = RequestText("INVITE")
        request.contentType = "application/sdp"
        request.body = Fixtures.videoOnlyOffer
        var core = UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID)), seed: 7)
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let actions = core.received(message, key: key, arrival: Fixtures.arrival())
        #expect(actions.steps == [.respond(key, 488)])
        #expect(try actions.responses().first?.reasonPhrase == "Not acceptable here")
        #expect(core.dialogCount == 0)
    }

    @Test func invitesBeyondTheDialogBoundGet486() throws {
        var core = UserAgentCore(
            configuration: .init(defaultPersona: Fixtures.persona(Persona.defaultID), maximumDialogs: 1),
            seed: 7
        )
        let first = try RequestText("INVITE").message()
        let firstKey = try #require(SIPTransactionKey(serverTransactionOf: first))
        _ = core.received(first, key: firstKey, arrival: Fixtures.arrival())
        #expect(core.dialogCount == 1)
        var second = RequestText("INVITE")
        second.callID = "call-2@198.51.100.7"
        second.from = "<sip:other@198.51.100.7>;tag=ftag2"
        second.via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-second"
        let message = try second.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let actions = core.received(message, key: key, arrival: Fixtures.arrival())
        #expect(actions.steps == [.respond(key, 486)])
        #expect(core.dialogCount == 1)
    }

    @Test func unknownUserGetsTheConfiguredStatus() throws {
        let configuration = UserAgentCore.Configuration(
            defaultPersona: Fixtures.persona(Persona.defaultID),
            personaByUser: ["1002": Fixtures.persona("yealink-t27g-69.86")],
            unknownUserStatus: 404
        )
        let (key, actions, response) = try self.respond(RequestText("INVITE"), configuration: configuration)
        #expect(actions.steps == [.respond(key, 404)])
        #expect(response.reasonPhrase == "Not found")
        var known = RequestText("OPTIONS")
        known.uri = "sip:1002@192.0.2.1"
        let (knownKey, knownActions, knownResponse) = try self.respond(known, configuration: configuration)
        #expect(knownActions.steps == [.respond(knownKey, 200)])
        #expect(Fixtures.values(knownResponse, "User-Agent") == ["Yealink SIP-T27G 69.86.0.15"])
    }

    @Test func challengingPersonaAnswersRegisterWith401Then403() throws {
        let configuration = UserAgentCore.Configuration(defaultPersona: Fixtures.persona("asterisk-pjsip-18"))
        var register = RequestText("REGISTER")
        register.uri = "sip:192.0.2.1"
        let (key, actions, response) = try self.respond(register, configuration: configuration)
        #expect(actions.steps == [.respond(key, 401)])
        let challenge = try #require(Fixtures.values(response, "WWW-Authenticate").first)
        #expect(challenge.hasPrefix("Digest realm=\"asterisk\",nonce=\""))
        #expect(challenge.hasSuffix("\",algorithm=MD5,qop=\"auth\""))
        register.extra = [
            "Authorization: Digest username=\"1001\",realm=\"asterisk\",nonce=\"abc\",uri=\"sip:192.0.2.1\",response=\"0123456789abcdef0123456789abcdef\""
        ]
        register.cseqNumber = 2
        let (key2, actions2, _) = try self.respond(register, configuration: configuration)
        #expect(actions2.steps == [.respond(key2, 403)])
    }

    @Test(arguments: [("SUBSCRIBE", 489), ("REFER", 603), ("MESSAGE", 200)])
    func otherMethodsOutsideADialog(_ method: String, _ status: Int) throws {
        let (key, actions, _) = try self.respond(RequestText(method))
        #expect(actions.steps == [.respond(key, status)])
    }
}
