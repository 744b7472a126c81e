import Agent
import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Testing

@Suite struct UserAgentCoreOptionsTests {
    func core(_ personaID: String = Persona.defaultID) -> UserAgentCore {
        UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona(personaID)), seed: 42)
    }

    func answer(
        _ request: RequestText,
        persona: String = Persona.defaultID,
        arrival: SIPArrival = Fixtures.arrival()
    ) throws -> (SIPTransactionKey, [UserAgentAction]) {
        var core = self.core(persona)
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        return (key, core.received(message, key: key, arrival: arrival))
    }

    @Test func optionsAnswerEchoesTheRequestAndAddsATag() throws {
        let request = RequestText("OPTIONS")
        let (key, actions) = try self.answer(request, persona: "yealink-t27g-69.86")
        #expect(actions.steps == [.respond(key, 200)])
        let response = try #require(try actions.responses().first)
        let sent = try request.message()
        #expect(response.statusCode == 200)
        #expect(Fixtures.values(response, "From") == [sent.firstValue(.from)!])
        #expect(Fixtures.values(response, "Call-ID") == ["call-1@198.51.100.7"])
        #expect(Fixtures.values(response, "CSeq") == ["1 OPTIONS"])
        // Same host as the source: no received; rport filled with the source port.
        #expect(Fixtures.values(response, "Via") == ["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-a1;rport=5060"])
        let tag = try #require(response.to?.tag)
        #expect(Fixtures.values(response, "To") == ["<sip:1001@192.0.2.1>;tag=\(tag)"])
        // Yealink's tags are ten digits.
        #expect(tag.count == 10 && tag.allSatisfy(\.isNumber))
    }

    @Test func consecutiveAnswersWriteTheContactOfTheirOwnUserAddressAndTransport() throws {
        // The core reuses the Contact it wrote last only for the same user, local address and transport.
        var core = self.core("yealink-t27g-69.86")
        let other = try SocketAddress(ipAddress: "192.0.2.2", port: 5062)
        let cases: [(String, SIPArrival, String)] = [
            ("sip:1001@192.0.2.1", Fixtures.arrival(), "<sip:1001@192.0.2.1:5060>"),
            ("sip:1001@192.0.2.1", Fixtures.arrival(), "<sip:1001@192.0.2.1:5060>"),
            ("sip:1002@192.0.2.1", Fixtures.arrival(), "<sip:1002@192.0.2.1:5060>"),
            ("sip:1002@192.0.2.1", Fixtures.arrival(local: other), "<sip:1002@192.0.2.2:5062>"),
            ("sip:1002@192.0.2.1", Fixtures.arrival(.tcp, local: other), "<sip:1002@192.0.2.2:5062;transport=tcp>"),
            ("sip:192.0.2.1", Fixtures.arrival(.tcp, local: other), "<sip:192.0.2.2:5062;transport=tcp>"),
        ]
        for (number, (uri, arrival, contact)) in cases.enumerated() {
            var request = RequestText("OPTIONS")
            request.uri = uri
            request.cseqNumber = number + 1
            request.via =
                "SIP/2.0/\(arrival.transport == .udp ? "UDP" : "TCP") 198.51.100.7:5060;branch=z9hG4bK-c\(number)"
            let message = try request.message()
            let key = try #require(SIPTransactionKey(serverTransactionOf: message))
            let response = try #require(try core.received(message, key: key, arrival: arrival).responses().first)
            #expect(Fixtures.values(response, "Contact") == [contact])
        }
    }

    @Test func yealinkOptionsAnswerFollowsThePersonaOrder() throws {
        let (_, actions) = try self.answer(RequestText("OPTIONS"), persona: "yealink-t27g-69.86")
        let response = try #require(try actions.responses().first)
        let persona = Fixtures.persona("yealink-t27g-69.86")
        #expect(
            Fixtures.headerNames(response) == [
                "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Accept", "Allow", "Supported", "User-Agent",
                "Allow-Events", "Content-Length",
            ]
        )
        #expect(Fixtures.values(response, "Allow") == [persona.allow])
        #expect(Fixtures.values(response, "Accept") == ["application/sdp"])
        #expect(Fixtures.values(response, "Supported") == ["replaces"])
        #expect(Fixtures.values(response, "User-Agent") == ["Yealink SIP-T27G 69.86.0.15"])
        #expect(Fixtures.values(response, "Allow-Events") == ["talk,hold,conference,refer,check-sync"])
        #expect(Fixtures.values(response, "Contact") == ["<sip:1001@192.0.2.1:5060>"])
        #expect(Fixtures.values(response, "Server").isEmpty)
    }

    @Test func asteriskOptionsAnswerUsesServerAndPjsipLength() throws {
        let (_, actions) = try self.answer(RequestText("OPTIONS"), persona: "asterisk-pjsip-18")
        let builder = try #require(actions.responseBuilders.first)
        let response = try Fixtures.parse(builder)
        let names = Fixtures.headerNames(response)
        // The persona's listed headers in its order; Contact (not listed) before the placed Content-Length.
        #expect(
            names == [
                "Via", "Call-ID", "From", "To", "CSeq", "Accept", "Allow", "Supported", "Accept-Encoding",
                "Accept-Language", "Server", "Contact", "Content-Length",
            ]
        )
        #expect(Fixtures.values(response, "Server") == ["Asterisk PBX 18.20.0"])
        #expect(Fixtures.values(response, "User-Agent").isEmpty)
        #expect(Fixtures.values(response, "Accept-Encoding") == ["text/plain"])
        #expect(Fixtures.values(response, "Accept-Language") == ["en"])
        #expect(Fixtures.text(builder.serialized()).contains("\r\nContent-Length:  0\r\n"))
        // Asterisk tags are UUIDs.
        #expect(response.to?.tag?.count == 36)
    }

    @Test func linphoneOptionsAnswerSplitsAcceptAndUsesItsReason() throws {
        let (_, actions) = try self.answer(RequestText("OPTIONS"))
        let response = try #require(try actions.responses().first)
        #expect(response.reasonPhrase == "Ok")
        #expect(
            Fixtures.values(response, "Accept") == [
                "application/sdp", "text/plain", "application/vnd.gsma.rcs-ft-http+xml",
            ]
        )
        #expect(Fixtures.values(response, "User-Agent").count == 1)
        #expect(Fixtures.values(response, "Supported") == ["replaces, outbound, gruu, path, record-aware"])
        let names = Fixtures.headerNames(response)
        #expect(Array(names.prefix(5)) == ["Via", "From", "To", "Call-ID", "CSeq"])
        #expect(names.last == "Content-Length")
    }

    @Test func baresipOptionsAnswerCarriesAnSDPOffer() throws {
        let (_, actions) = try self.answer(RequestText("OPTIONS"), persona: "baresip-1.0.0")
        let response = try #require(try actions.responses().first)
        #expect(Fixtures.values(response, "Content-Type") == ["application/sdp"])
        let body = Fixtures.text(response.body)
        #expect(body.contains("m=audio "))
        #expect(body.contains("c=IN IP4 192.0.2.1"))
        #expect(response.contentLength == response.body.readableBytes)
        #expect(Fixtures.values(response, "Server") == ["baresip v1.0.0 (x86_64/linux)"])
    }

    struct ViaCase: Sendable, CustomStringConvertible {
        var via: String
        var source: String
        var port: Int
        var expected: String
        var description: String { self.via }
    }

    @Test(
        arguments: [
            // Sent-by differs from the source: received added; rport filled.
            ViaCase(
                via: "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-v1;rport",
                source: "198.51.100.7",
                port: 40_000,
                expected: "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-v1;rport=40000;received=198.51.100.7"
            ),
            // Sent-by differs, no rport: received only.
            ViaCase(
                via: "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-v2",
                source: "198.51.100.7",
                port: 40_000,
                expected: "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-v2;received=198.51.100.7"
            ),
            // A host name always differs from the source address.
            ViaCase(
                via: "SIP/2.0/UDP pc33.example.com;branch=z9hG4bK-v3",
                source: "198.51.100.7",
                port: 5060,
                expected: "SIP/2.0/UDP pc33.example.com;branch=z9hG4bK-v3;received=198.51.100.7"
            ),
            // Same host, no rport: unchanged.
            ViaCase(
                via: "SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-v4",
                source: "198.51.100.7",
                port: 5070,
                expected: "SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-v4"
            ),
            // rport in the middle of the parameters.
            ViaCase(
                via: "SIP/2.0/UDP 198.51.100.7:5070;rport;branch=z9hG4bK-v5",
                source: "198.51.100.7",
                port: 33_333,
                expected: "SIP/2.0/UDP 198.51.100.7:5070;rport=33333;branch=z9hG4bK-v5"
            ),
        ]
    )
    func topViaIsAnnotated(_ test: ViaCase) throws {
        var request = RequestText("OPTIONS")
        request.via = test.via
        let source = try SocketAddress(ipAddress: test.source, port: test.port)
        let (_, actions) = try self.answer(request, arrival: Fixtures.arrival(remote: source))
        let response = try #require(try actions.responses().first)
        #expect(Fixtures.values(response, "Via") == [test.expected])
    }

    @Test func onlyTheFirstViaIsAnnotatedAndEveryViaIsEchoed() throws {
        var request = RequestText("OPTIONS")
        request.via = "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-m1;rport, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK-m0"
        request.extra = ["Via: SIP/2.0/TCP 10.0.0.10;branch=z9hG4bK-m00"]
        let (_, actions) = try self.answer(request)
        let response = try #require(try actions.responses().first)
        #expect(
            Fixtures.values(response, "Via") == [
                "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-m1;rport=5060;received=198.51.100.7, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK-m0",
                "SIP/2.0/TCP 10.0.0.10;branch=z9hG4bK-m00",
            ]
        )
    }

    @Test func udpResponsesGoToTheSentByPortUnlessRPortIsAsked() throws {
        var request = RequestText("OPTIONS")
        request.via = "SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK-r1"
        let source = try SocketAddress(ipAddress: "198.51.100.7", port: 40_000)
        let withoutRPort = ResponseRouting.route(try request.message(), arrival: Fixtures.arrival(remote: source))
        #expect(withoutRPort.target.remote == (try SocketAddress(ipAddress: "198.51.100.7", port: 5062)))
        request.via += ";rport"
        let withRPort = ResponseRouting.route(try request.message(), arrival: Fixtures.arrival(remote: source))
        #expect(withRPort.target.remote == source)
        let overTCP = ResponseRouting.route(try request.message(), arrival: Fixtures.arrival(.tcp, remote: source))
        #expect(overTCP.target.connection == SIPConnectionID(rawValue: 7))
        #expect(overTCP.target.remote == source)
    }

    @Test func sameSeedGivesTheSameAnswer() throws {
        let (_, first) = try self.answer(RequestText("OPTIONS"))
        let (_, second) = try self.answer(RequestText("OPTIONS"))
        #expect(first.responseBuilders == second.responseBuilders)
    }

    /// Attacker text with CR/LF (a folded header carrying a would-be header line, raw CR in a value) must not
    /// become a header line of the response.
    @Test(arguments: [
        "From: \"Caller\" <sip:caller@198.51.100.7>;tag=ftag1\r\n X-Injected: yes",
        "To: <sip:1001@192.0.2.1>\r\n\tX-Injected: yes",
        "Call-ID: abc\r\n X-Injected: yes",
    ])
    func echoedTextCannotInjectAHeader(_ line: String) throws {
        var request = RequestText("OPTIONS")
        let name = String(line.prefix(while: { $0 != ":" }))
        let value = String(line.dropFirst(name.count + 2))
        switch name {
        case "From": request.from = value
        case "To": request.to = value
        default: request.callID = value
        }
        let message = try request.message()
        #expect(message.headerFields.allSatisfy { message.name(of: $0) != "X-Injected" })
        var core = self.core()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let actions = core.received(message, key: key, arrival: Fixtures.arrival())
        let builder = try #require(actions.responseBuilders.first)
        let bytes = Fixtures.text(builder.serialized())
        #expect(!bytes.contains("\r\nX-Injected"))
        #expect(!bytes.contains("\nX-Injected"))
        let response = try Fixtures.parse(builder)
        #expect(Fixtures.values(response, "X-Injected").isEmpty)
    }

    @Test func aHostileRequestUserCannotShapeTheContact() throws {
        var request = RequestText("OPTIONS")
        request.uri = "sip:a%0d%0aX-Injected%3a1%3e%3cb@192.0.2.1"
        #expect(try request.message().requestURI?.user == "a\r\nX-Injected:1><b")
        let (key, actions) = try self.answer(request, persona: "yealink-t27g-69.86")
        #expect(actions.steps == [.respond(key, 200)])
        let response = try #require(try actions.responses().first)
        #expect(Fixtures.values(response, "Contact") == ["<sip:aX-Injected1b@192.0.2.1:5060>"])
    }
}

@Suite struct UserAgentCoreIPv6Tests {
    @Test func ipv6AddressesAreBracketedInContactAndVia() throws {
        var core = UserAgentCore(configuration: .init(defaultPersona: Fixtures.persona("yealink-t27g-69.86")), seed: 1)
        var request = RequestText("OPTIONS")
        request.uri = "sip:1001@[2001:db8::1]"
        request.via = "SIP/2.0/UDP [2001:db8::7]:5060;branch=z9hG4bK-six;rport"
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let arrival = Fixtures.arrival(
            remote: try SocketAddress(ipAddress: "2001:db8::7", port: 5070),
            local: try SocketAddress(ipAddress: "2001:db8::1", port: 5060)
        )
        let actions = core.received(message, key: key, arrival: arrival)
        let response = try #require(try actions.responses().first)
        #expect(Fixtures.values(response, "Contact") == ["<sip:1001@[2001:db8::1]:5060>"])
        #expect(Fixtures.values(response, "Via") == ["SIP/2.0/UDP [2001:db8::7]:5060;branch=z9hG4bK-six;rport=5070"])
    }
}
