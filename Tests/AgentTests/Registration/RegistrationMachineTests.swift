import Agent
import NIOCore
import SIPAuth
import SIPCore
import SIPTransport
import Testing

/// The registration client by script: each REGISTER it sends is parsed back, each registrar answer is built
/// from it by hand.
@Suite struct RegistrationMachineTests {
    static let registrar = try! SocketAddress(ipAddress: "203.0.113.5", port: 5060)

    func machine(
        persona: String = Persona.defaultID,
        expires: Int = 3600,
        password: String = "s3cret"
    )
        -> RegistrationMachine
    {
        RegistrationMachine(
            account: RegistrationAccount(
                aor: "sip:1001@example.com",
                user: "1001",
                domain: "example.com",
                authUsername: "1001",
                password: password,
                expires: expires,
                persona: Fixtures.persona(persona),
                transport: .udp,
                destination: Self.registrar
            ),
            localHost: "192.0.2.10",
            localPort: 5060,
            seed: 2_024
        )
    }

    /// The REGISTER among `actions`, parsed.
    func register(_ actions: [RegistrationMachine.Action]) throws -> SIPMessage {
        let sent = actions.compactMap { action -> SIPMessageBuilder? in
            if case .send(let builder) = action { return builder }
            return nil
        }
        #expect(sent.count == 1)
        return try Fixtures.parse(try #require(sent.first))
    }

    /// The phase changes and timers among `actions` (sends replaced by a marker).
    func shape(_ actions: [RegistrationMachine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .send: "send"
            case .startTimer(let after): "timer \(after)"
            case .cancelTimer: "cancel"
            case .phaseChanged(let phase): "phase \(phase.rawValue)"
            }
        }
    }

    /// A registrar's answer to `request`.
    func answer(_ request: SIPMessage, _ status: Int, _ headers: [(String, String)] = []) throws -> SIPMessage {
        var builder = SIPMessageBuilder.response(to: request, status: status, reason: "R", toTag: "reg-tag")
        for (name, value) in headers { builder.add(name, value) }
        return try Fixtures.parse(builder)
    }

    static let challenge = (
        "WWW-Authenticate", "Digest realm=\"example.com\", nonce=\"n0nce-1\", qop=\"auth\", algorithm=MD5"
    )

    @Test func startSendsARegisterShapedByThePersona() throws {
        var machine = self.machine()
        let actions = machine.start()
        #expect(self.shape(actions) == ["phase registering", "send"])
        #expect(machine.phase == .registering)
        let register = try self.register(actions)
        #expect(register.method == .register)
        #expect(register.requestURIText == "sip:example.com")
        #expect(Fixtures.values(register, "Contact") == ["<sip:1001@192.0.2.10:5060>"])
        #expect(Fixtures.values(register, "Expires") == ["3600"])
        #expect(Fixtures.values(register, "To") == ["<sip:1001@example.com>"])
        #expect(register.from?.uriText == "sip:1001@example.com")
        #expect(register.from?.tag?.count == 9)
        #expect(register.cseq?.method == .register)
        #expect(register.topVia?.sentBy == "192.0.2.10:5060")
        #expect(register.topVia?.rport == .requested)
        #expect(register.topVia?.branch?.hasPrefix("z9hG4bK.") == true)
        #expect(Fixtures.values(register, "User-Agent") == [Fixtures.persona(Persona.defaultID).userAgent])
        #expect(register.authorization.isEmpty)
        // Linphone's request order.
        #expect(
            Fixtures.headerNames(register) == [
                "Via", "From", "To", "CSeq", "Call-ID", "Max-Forwards", "Contact", "Expires", "User-Agent", "Allow",
                "Content-Length",
            ]
        )
    }

    @Test func personaThatPutsExpiresInTheContact() throws {
        var machine = self.machine(persona: "baresip-1.0.0", expires: 600)
        let register = try self.register(machine.start())
        #expect(Fixtures.values(register, "Contact") == ["<sip:1001@192.0.2.10:5060>;expires=600"])
        #expect(Fixtures.values(register, "Expires").isEmpty)
    }

    @Test func challengeIsAnsweredWithAVerifiableDigest() throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        let actions = machine.received(try self.answer(first, 401, [Self.challenge]))
        #expect(self.shape(actions) == ["send"])
        #expect(machine.phase == .registering)
        let second = try self.register(actions)
        // Same dialog identifiers, next CSeq, new branch.
        #expect(second.from?.tag == first.from?.tag)
        #expect(second.callID == first.callID)
        #expect(second.cseq?.sequence == first.cseq.map { $0.sequence + 1 })
        #expect(second.topVia?.branch != first.topVia?.branch)

        let authorization = try #require(second.authorization.first)
        let credentials = try DigestCredentials(authorization)
        #expect(credentials.username == "1001")
        #expect(credentials.realm == "example.com")
        #expect(credentials.nonce == "n0nce-1")
        #expect(credentials.uri == "sip:example.com")
        #expect(credentials.qop == .auth)
        #expect(credentials.algorithm == .md5)
        #expect(credentials.nonceCount?.text == "00000001")
        let cnonce = try #require(credentials.cnonce)
        #expect(!cnonce.isEmpty)
        let expected = DigestComputation.response(
            algorithm: .md5,
            qop: .auth,
            username: "1001",
            realm: "example.com",
            password: "s3cret",
            method: .register,
            uri: "sip:example.com",
            nonce: "n0nce-1",
            cnonce: cnonce,
            nc: DigestNonceCount(1)
        )
        #expect(credentials.response == expected)
        #expect(expected.count == 32)
        let wrong = DigestComputation.response(
            algorithm: .md5,
            qop: .auth,
            username: "1001",
            realm: "example.com",
            password: "other",
            method: .register,
            uri: "sip:example.com",
            nonce: "n0nce-1",
            cnonce: cnonce,
            nc: DigestNonceCount(1)
        )
        #expect(credentials.response != wrong)
    }

    @Test func okRegistersAndSchedulesTheRefreshBeforeExpiry() throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        let ok = try self.answer(first, 200, [("Contact", "<sip:1001@192.0.2.10:5060>;expires=120")])
        let actions = machine.received(ok)
        #expect(actions == [.phaseChanged(.registered), .startTimer(after: .seconds(90))])
        #expect(machine.phase == .registered)
        #expect(machine.grantedExpires == 120)
        #expect(machine.lastStatus == 200)
        // The refresh re-registers with the same identifiers.
        let refresh = machine.timerFired()
        #expect(self.shape(refresh) == ["phase registering", "send"])
        let again = try self.register(refresh)
        #expect(again.callID == first.callID)
        #expect(again.from?.tag == first.from?.tag)
        #expect(again.cseq?.sequence == first.cseq.map { $0.sequence + 1 })
    }

    @Test(arguments: [(120, 90), (3600, 3570), (40, 20), (1, 1), (2, 1)])
    func refreshComesBeforeTheGrantedExpiry(_ granted: Int, _ refresh: Int) throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        let actions = machine.received(try self.answer(first, 200, [("Expires", String(granted))]))
        #expect(actions == [.phaseChanged(.registered), .startTimer(after: .seconds(refresh))])
        #expect(refresh < granted || granted == 1)
    }

    @Test func intervalTooBriefRaisesExpiresToMinExpires() throws {
        var machine = self.machine(expires: 60)
        let first = try self.register(machine.start())
        let actions = machine.received(try self.answer(first, 423, [("Min-Expires", "1800")]))
        #expect(self.shape(actions) == ["send"])
        let second = try self.register(actions)
        #expect(Fixtures.values(second, "Expires") == ["1800"])
        // Later refreshes keep the larger value.
        _ = machine.received(try self.answer(second, 200, [("Expires", "1800")]))
        #expect(Fixtures.values(try self.register(machine.timerFired()), "Expires") == ["1800"])
    }

    @Test func intervalTooBriefWithoutALargerMinimumFails() throws {
        var machine = self.machine(expires: 3600)
        let first = try self.register(machine.start())
        let actions = machine.received(try self.answer(first, 423, [("Min-Expires", "60")]))
        #expect(actions == [.phaseChanged(.retrying), .startTimer(after: .seconds(30))])
    }

    @Test func wrongPasswordBacksOff() throws {
        var machine = self.machine(password: "wrong")
        var request = try self.register(machine.start())
        var delays: [Duration] = []
        for round in 0..<4 {
            // Each round: the challenge is answered twice, the third 401 fails.
            for _ in 0..<2 {
                let actions = machine.received(try self.answer(request, 401, [Self.challenge]))
                #expect(self.shape(actions) == ["send"], "round \(round)")
                request = try self.register(actions)
                #expect(!request.authorization.isEmpty)
            }
            let failed = machine.received(try self.answer(request, 401, [Self.challenge]))
            guard failed.count == 2, case .startTimer(let after) = failed[1] else {
                Issue.record("expected retrying, got \(self.shape(failed))")
                return
            }
            #expect(failed[0] == .phaseChanged(.retrying))
            #expect(machine.phase == .retrying)
            #expect(machine.failures == round + 1)
            delays.append(after)
            let retry = machine.timerFired()
            #expect(self.shape(retry) == ["phase registering", "send"])
            request = try self.register(retry)
            #expect(request.authorization.isEmpty)
        }
        #expect(delays == [.seconds(30), .seconds(60), .seconds(120), .seconds(240)])
    }

    @Test func backoffIsCappedAt1800Seconds() throws {
        var machine = self.machine()
        var request = try self.register(machine.start())
        var last: Duration = .zero
        for _ in 0..<10 {
            let failed = machine.received(try self.answer(request, 503))
            if case .startTimer(let after) = failed.last { last = after }
            request = try self.register(machine.timerFired())
        }
        #expect(last == .seconds(1_800))
    }

    @Test func staleNonceResetsTheAnswerCount() throws {
        var machine = self.machine(password: "wrong")
        var request = try self.register(machine.start())
        for _ in 0..<2 {
            request = try self.register(machine.received(try self.answer(request, 401, [Self.challenge])))
        }
        let stale = (
            "WWW-Authenticate",
            "Digest realm=\"example.com\", nonce=\"n0nce-2\", qop=\"auth\", algorithm=MD5, stale=true"
        )
        let actions = machine.received(try self.answer(request, 401, [stale]))
        #expect(self.shape(actions) == ["send"])
        let credentials = try DigestCredentials(try #require(try self.register(actions).authorization.first))
        #expect(credentials.nonce == "n0nce-2")
        #expect(machine.phase == .registering)
    }

    @Test func stopWhenRegisteredUnregisters() throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        _ = machine.received(try self.answer(first, 200, [("Expires", "3600")]))
        let actions = machine.stop()
        #expect(self.shape(actions) == ["cancel", "phase unregistering", "send"])
        let unregister = try self.register(actions)
        #expect(Fixtures.values(unregister, "Expires") == ["0"])
        #expect(unregister.callID == first.callID)
        // A challenge to the un-REGISTER is answered, still with Expires 0.
        let challenged = machine.received(try self.answer(unregister, 401, [Self.challenge]))
        let answered = try self.register(challenged)
        #expect(Fixtures.values(answered, "Expires") == ["0"])
        #expect(!answered.authorization.isEmpty)
        #expect(machine.received(try self.answer(answered, 200)) == [.cancelTimer, .phaseChanged(.stopped)])
        #expect(machine.phase == .stopped)
        // Nothing more happens.
        #expect(machine.timerFired().isEmpty)
    }

    @Test func stopWhileRetryingJustStops() throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        _ = machine.received(try self.answer(first, 500))
        #expect(machine.stop() == [.cancelTimer, .phaseChanged(.stopped)])
    }

    @Test func timeoutWhileRegisteringRetries() throws {
        var machine = self.machine()
        _ = machine.start()
        #expect(machine.transactionFailed() == [.phaseChanged(.retrying), .startTimer(after: .seconds(30))])
    }

    @Test func provisionalResponsesAreIgnored() throws {
        var machine = self.machine()
        let first = try self.register(machine.start())
        #expect(machine.received(try self.answer(first, 100)).isEmpty)
        #expect(machine.phase == .registering)
    }
}
