import Agent
import Behaviour
import NIOCore
import SIPCore
import Testing

@Suite struct PersonaTests {
    static let builtInNames = Persona.builtInTexts.map(\.0)

    static let minimal = """
        persona: test-phone
        user-agent: TestPhone/1.0
        allow: INVITE, ACK, BYE, CANCEL, OPTIONS
        """

    func parse(_ text: String) throws(SettingsError) -> Persona {
        try Persona(document: AttributeDocument(parsing: text, fileName: "p.persona"))
    }

    func error(_ text: String) -> SettingsError? {
        do {
            _ = try self.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: Self.builtInNames)
    func builtInPersonaParses(_ name: String) throws {
        let text = try #require(Persona.builtInTexts.first { $0.0 == name }?.1)
        let persona = try self.parse(text)
        #expect(persona.id == name)
        #expect(Persona.builtIn[name] == persona)
        #expect(!persona.allowedMethods.isEmpty)
        #expect(persona.allows("INVITE"))
        #expect(persona.responseOrder.contains("Content-Length"))
    }

    @Test func everyBuiltInIsRegisteredAndTheDefaultExists() {
        #expect(Persona.builtIn.count == Persona.builtInTexts.count)
        #expect(Persona.builtIn[Persona.defaultID] != nil)
    }

    @Test func defaultsOfAMinimalPersona() throws {
        let persona = try self.parse(Self.minimal)
        #expect(persona.server == "TestPhone/1.0")
        #expect(persona.responseProductHeader == .server)
        #expect(persona.allowedMethods == ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS"])
        #expect(persona.accept.isEmpty)
        #expect(persona.supported == nil)
        #expect(persona.sendsTrying)
        #expect(!persona.optionsCarriesSDP)
        #expect(persona.registerResponse == 405)
        #expect(persona.contentLength == .plain)
        #expect(persona.tagFormat == .hex(16))
        #expect(persona.callIDFormat == .hex(32))
        #expect(persona.maxForwards == 70)
        #expect(persona.registerExpires == 3600)
        #expect(persona.reason(for: 200) == "OK")
        #expect(persona.reason(for: 486) == "Busy Here")
    }

    @Test func linphoneDetails() {
        let persona = Fixtures.persona("linphone-android-5.2")
        #expect(persona.reason(for: 200) == "Ok")
        #expect(persona.reason(for: 486) == "Busy here")
        #expect(persona.reason(for: 603) == "Decline")
        #expect(persona.responseProductHeader == .userAgent)
        #expect(persona.tagFormat == .token(9))
        #expect(persona.branchPrefix == ".")
        #expect(persona.supportedOptions == ["replaces", "outbound", "gruu", "path", "record-aware"])
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var line: String
        var column: Int
        var message: String
        var description: String { self.line }
    }

    @Test(
        arguments: [
            ErrorCase(line: "colour: red", column: 1, message: "unknown attribute 'colour'"),
            ErrorCase(line: "max-forwards: 0", column: 15, message: "'max-forwards' must be an integer in 1...255"),
            ErrorCase(
                line: "max-forwards:   lots",
                column: 17,
                message: "'max-forwards' must be an integer in 1...255"
            ),
            ErrorCase(line: "register-expires: 0", column: 19, message: "'register-expires' must be an integer"),
            ErrorCase(line: "tag-format: hex0", column: 13, message: "'tag-format' must be hexN"),
            ErrorCase(line: "branch-format: hex65", column: 16, message: "'branch-format' must be hexN"),
            ErrorCase(line: "callid-format: base64", column: 16, message: "'callid-format' must be hexN"),
            ErrorCase(line: "ua-header-on-responses: both", column: 25, message: "'ua-header-on-responses' must be"),
            ErrorCase(line: "register-response: 404", column: 20, message: "'register-response' must be 401 or 405"),
            ErrorCase(line: "content-length-format: fancy", column: 24, message: "'content-length-format' must be"),
            ErrorCase(line: "options-sdp: perhaps", column: 14, message: "'options-sdp' must be yes or no"),
            ErrorCase(line: "branch-prefix: toolongprefix", column: 16, message: "'branch-prefix' must be at most 8"),
            ErrorCase(line: "reason: Ok", column: 9, message: "'reason' must be a status code"),
            ErrorCase(line: "reason: 700 Too High", column: 9, message: "'reason' must be a status code"),
            ErrorCase(line: "server: a", column: 1, message: "given more than once"),
        ]
    )
    func errorsCarryFileLineAndColumn(_ test: ErrorCase) throws {
        // Line 4 holds the bad entry; for the duplicate case, line 4 repeats a key given on line 5.
        let text = Self.minimal + "\n" + test.line + (test.line.hasPrefix("server") ? "\nserver: b" : "")
        let error = try #require(self.error(text))
        #expect(error.file == "p.persona")
        if test.line.hasPrefix("server") {
            #expect(error.line == 5)
            #expect(error.column == 9)
        } else {
            #expect(error.line == 4)
            #expect(error.column == test.column)
        }
        #expect(error.message.contains(test.message), "\(error.message)")
        #expect(error.description.hasPrefix("p.persona:\(error.line):\(error.column): "))
    }

    @Test(arguments: ["persona", "user-agent", "allow"])
    func missingRequiredKeyIsAnError(_ key: String) throws {
        let text = Self.minimal.split(separator: "\n").filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n")
        let error = try #require(self.error(text))
        #expect(error.message == "missing attribute '\(key)'")
        #expect(error.file == "p.persona")
    }

    @Test func customReasonPhrasesAndFormats() throws {
        let persona = try self.parse(
            Self.minimal + """

                reason: 180 Ringing here
                reason: 200 Fine
                tag-format: HEX8
                branch-prefix: Pj
                branch-format: uuid
                callid-format: digits12
                callid-host: yes
                """
        )
        #expect(persona.reason(for: 180) == "Ringing here")
        #expect(persona.reason(for: 200) == "Fine")
        #expect(persona.tagFormat == .upperHex(8))
        var rng = SplitMix64(seed: 3)
        #expect(persona.makeBranch(using: &rng).hasPrefix("z9hG4bKPj"))
        #expect(persona.makeBranch(using: &rng).count == 7 + 2 + 36)
        let callID = persona.makeCallID(host: "192.0.2.1", using: &rng)
        #expect(callID.hasSuffix("@192.0.2.1"))
        #expect(callID.count == 12 + 10)
    }
}

@Suite struct IdentifierFormatTests {
    static let hex = Set("0123456789abcdef")
    static let upperHex = Set("0123456789ABCDEF")
    static let digits = Set("0123456789")
    static let alnum = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let token = alnum.union("-~")

    @Test(
        arguments: [
            ("hex16", IdentifierFormat.hex(16)), ("HEX8", .upperHex(8)), ("digits10", .digits(10)),
            ("alnum24", .alnum(24)), ("token9", .token(9)), ("uuid", .uuid), ("hex64", .hex(64)),
            ("digits1", .digits(1)),
        ]
    )
    func namesParseAndPrint(_ name: String, _ format: IdentifierFormat) {
        #expect(IdentifierFormat(name) == format)
        #expect(format.description == name)
    }

    @Test(arguments: ["hex0", "hex65", "hex", "HEX", "Hex8", "foo8", "hex-1", "hex8x", "", "UUID", "digits 8"])
    func badNamesAreRejected(_ name: String) {
        #expect(IdentifierFormat(name) == nil)
    }

    @Test(
        arguments: [
            (IdentifierFormat.hex(16), 16, Self.hex), (.upperHex(8), 8, Self.upperHex), (.digits(10), 10, Self.digits),
            (.alnum(24), 24, Self.alnum), (.token(9), 9, Self.token), (.hex(64), 64, Self.hex),
            (.digits(1), 1, Self.digits),
        ]
    )
    func generatedIdentifiersHaveTheLengthAndAlphabet(
        _ format: IdentifierFormat,
        _ length: Int,
        _ alphabet: Set<Character>
    ) {
        var rng = SplitMix64(seed: 99)
        var seen = Set<Character>()
        for _ in 0..<200 {
            let value = format.generate(using: &rng)
            #expect(value.count == length)
            #expect(value.allSatisfy(alphabet.contains), "\(value)")
            if case .digits = format { #expect(value.first != "0", "\(value)") }
            seen.formUnion(value)
        }
        // Over 200 draws every character of a small alphabet shows up (the whole alphabet is used).
        if alphabet.count <= 16 && length >= 8 { #expect(seen == alphabet) }
    }

    @Test func uuidsAreVersion4() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<100 {
            let value = IdentifierFormat.uuid.generate(using: &rng)
            let groups = value.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.map(\.count) == [8, 4, 4, 4, 12], "\(value)")
            #expect(groups.count == 5 && groups[2].first == "4")
            #expect(groups.count == 5 && "89ab".contains(groups[3].first!))
            #expect(value.filter { $0 != "-" }.allSatisfy(Self.hex.contains))
        }
    }

    @Test func sameSeedSameIdentifiers() {
        var a = SplitMix64(seed: 11)
        var b = SplitMix64(seed: 11)
        #expect(IdentifierFormat.token(20).generate(using: &a) == IdentifierFormat.token(20).generate(using: &b))
    }
}

@Suite struct PersonaComposeTests {
    func persona(order: String, lengthFormat: String = "plain") throws -> Persona {
        try Persona(
            document: AttributeDocument(
                parsing: PersonaTests.minimal
                    + "\nheader-order-response: \(order)\ncontent-length-format: \(lengthFormat)",
                fileName: "t"
            )
        )
    }

    func names(_ builder: SIPMessageBuilder) throws -> [String] {
        Fixtures.headerNames(try Fixtures.parse(builder))
    }

    @Test func ordersAsListedWithThePersonasSpelling() throws {
        let persona = try self.persona(order: "Via, call-id, From, To, CSeq, Server, Content-Length")
        let builder = persona.compose(
            .response(status: 200, reason: "OK"),
            headers: [
                .init("From", "<sip:a@b>;tag=1"), .init("To", "<sip:c@d>;tag=2"), .init("Server", "X"),
                .init("Via", "SIP/2.0/UDP h;branch=z9hG4bK1"), .init("Call-ID", "c"), .init("CSeq", "1 OPTIONS"),
                .init("X-Extra", "e"), .init("Via", "SIP/2.0/UDP h2;branch=z9hG4bK2"),
            ],
            shape: .response
        )
        // Listed names in the order's place and spelling; unlisted ones before the placed Content-Length.
        let expected = ["Via", "Via", "call-id", "From", "To", "CSeq", "Server", "X-Extra", "Content-Length"]
        #expect(builder.headers.map(\.name) == expected)
        #expect(try self.names(builder) == expected)
        // Both Via values, in their order.
        #expect(
            builder.headers.prefix(2).map(\.value) == [
                "SIP/2.0/UDP h;branch=z9hG4bK1", "SIP/2.0/UDP h2;branch=z9hG4bK2",
            ]
        )
    }

    /// A name the order lists after Content-Length (Linphone's request order ends `Content-Length,
    /// Authorization`) keeps that place: only unlisted headers go before Content-Length.
    @Test
    func listedHeadersAfterContentLengthKeepTheirPlace() throws {
        let persona = try self.persona(order: "Via, From, Content-Length, Authorization")
        let builder = persona.compose(
            .request(method: .register, uri: "sip:example.com"),
            headers: [.init("Via", "v"), .init("Authorization", "Digest x"), .init("From", "f"), .init("X", "x")],
            shape: .response
        )
        #expect(builder.headers.map(\.name) == ["Via", "From", "X", "Content-Length", "Authorization"])
    }

    @Test func unplacedRecordRouteFollowsTheVias() throws {
        let persona = try self.persona(order: "Via, From, To, Content-Length")
        let builder = persona.compose(
            .response(status: 180, reason: "Ringing"),
            headers: [
                .init("Via", "a"), .init("Via", "b"), .init("From", "f"), .init("Record-Route", "<sip:p;lr>"),
                .init("To", "t"),
            ],
            shape: .response
        )
        #expect(builder.headers.map(\.name) == ["Via", "Via", "Record-Route", "From", "To", "Content-Length"])
    }

    /// A device that writes compact forms (`v`, `i`, `f`, `t`, `l`) lists them so in its order; the headers the
    /// stack passes under their long names must take those places and spellings.
    @Test
    func compactFormsInTheOrderMatchTheirHeaders() throws {
        let persona = try self.persona(order: "v, i, f, t, CSeq, l")
        let builder = persona.compose(
            .response(status: 200, reason: "OK"),
            headers: [
                .init("Via", "SIP/2.0/UDP h;branch=z9hG4bK1"), .init("From", "<sip:a@b>;tag=1"),
                .init("To", "<sip:c@d>;tag=2"), .init("Call-ID", "c"), .init("CSeq", "1 OPTIONS"),
            ],
            shape: .response
        )
        #expect(builder.headers.map(\.name) == ["v", "i", "f", "t", "CSeq", "l"])
        let text = Fixtures.text(builder.serialized())
        #expect(text.hasSuffix("\r\nl: 0\r\n\r\n"))
        #expect(!text.contains("Content-Length"))
    }

    @Test func everyHeaderOfAListedNameGoesToItsPlace() throws {
        let persona = try self.persona(order: "Via, From, Content-Length")
        let builder = persona.compose(
            .response(status: 200, reason: "OK"),
            headers: [.init("From", "f"), .init("Via", "a"), .init("X", "x"), .init("via", "b")],
            shape: .response
        )
        #expect(builder.headers.map(\.name) == ["Via", "Via", "From", "X", "Content-Length"])
        #expect(builder.headers.map(\.value) == ["a", "b", "f", "x", ""])
    }

    @Test func contentLengthIsLastWhenNotListed() throws {
        let persona = try self.persona(order: "Via, From")
        let builder = persona.compose(
            .request(method: .bye, uri: "sip:a@b"),
            headers: [.init("From", "f"), .init("Via", "v")],
            shape: .response
        )
        #expect(builder.headers.map(\.name) == ["Via", "From", "Content-Length"])
    }

    @Test func requestShapeUsesTheRequestOrder() throws {
        let persona = Fixtures.persona("yealink-t27g-69.86")
        let builder = persona.compose(
            .request(method: .register, uri: "sip:example.com"),
            headers: [
                .init("Via", "v"), .init("Max-Forwards", "70"), .init("From", "f"), .init("To", "t"),
                .init("Call-ID", "c"), .init("CSeq", "1 REGISTER"), .init("Contact", "<sip:a@b>"),
                .init("User-Agent", "u"), .init("Expires", "3600"), .init("Allow", "INVITE"),
            ],
            shape: .request
        )
        #expect(
            builder.headers.map(\.name) == [
                "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Allow", "Max-Forwards", "User-Agent", "Expires",
                "Content-Length",
            ]
        )
    }

    @Test(arguments: [
        ("plain", 0, "Content-Length: 0\r\n"), ("pjsip", 0, "Content-Length:  0\r\n"),
        ("plain", 5, "Content-Length: 5\r\n"), ("pjsip", 5, "Content-Length:  5\r\n"),
    ])
    func contentLengthSpacing(_ format: String, _ bodyLength: Int, _ expected: String) throws {
        let persona = try self.persona(order: "Via, Content-Length", lengthFormat: format)
        let builder = persona.compose(
            .response(status: 200, reason: "OK"),
            headers: [.init("Via", "SIP/2.0/UDP h;branch=z9hG4bK1")],
            body: ByteBuffer(string: String(repeating: "x", count: bodyLength)),
            shape: .response
        )
        let text = Fixtures.text(builder.serialized())
        #expect(text.contains("\r\n" + expected))
        #expect(text.ranges(of: "Content-Length").count == 1)
    }
}
