import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Storage
import Testing

@testable import Agent

/// The trace summary of a stateless answer, built from its builder and its request's summary, must be what parsing
/// the sent bytes gives (the trace store shows one or the other depending on load).
@Suite struct ResponseSummaryTests {
    static func summary(of message: SIPMessage) -> TraceSummary {
        TraceRecord(
            message: message,
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 0),
            direction: .sent,
            transport: .udp,
            local: TraceEndpoint(address: "192.0.2.1", port: 5060),
            remote: TraceEndpoint(address: "198.51.100.7", port: 5060)
        ).summary
    }

    static func check(_ request: RequestText, persona: String, user: String? = nil) throws {
        var configuration = UserAgentCore.Configuration(defaultPersona: Fixtures.persona(persona))
        if user != nil { configuration.unknownUserStatus = 404 }
        var core = UserAgentCore(configuration: configuration, seed: 7)
        let message = try request.message()
        let key = try #require(SIPTransactionKey(serverTransactionOf: message))
        let actions = core.received(message, key: key, arrival: Fixtures.arrival())
        let builders = actions.compactMap { action -> SIPMessageBuilder? in
            if case .respond(_, let builder) = action { return builder }
            return nil
        }
        #expect(!builders.isEmpty, "\(persona) answers \(request.method)")
        for builder in builders {
            let parsed = try SIPMessageParser.parse(builder.serialized(), framing: .datagram)
            let derived = SIPStack.responseSummary(builder, answering: Self.summary(of: message))
            #expect(derived == Self.summary(of: parsed), "\(persona) \(request.method) \(parsed.statusCode ?? 0)")
        }
    }

    @Test(arguments: Persona.builtIn.keys.sorted())
    func statelessAnswersSummariseAsTheirBytes(persona: String) throws {
        try Self.check(RequestText("OPTIONS"), persona: persona)
        try Self.check(RequestText("REGISTER"), persona: persona)
        try Self.check(RequestText("MESSAGE"), persona: persona)
        var tagged = RequestText("OPTIONS")
        tagged.to = "<sip:1001@192.0.2.1>;tag=already"
        try Self.check(tagged, persona: persona)
        var compact = RequestText("OPTIONS")
        compact.to = "sip:1001@192.0.2.1 ;Tag=x1"
        compact.from = "sip:caller@198.51.100.7;tag=f"
        try Self.check(compact, persona: persona)
        var unknown = RequestText("OPTIONS")
        unknown.uri = "sip:9999@192.0.2.1"
        unknown.to = "<sip:9999@192.0.2.1>"
        try Self.check(unknown, persona: persona, user: "1001")
    }

    @Test func aRequestBuilderHasNoResponseSummary() {
        let builder = SIPMessageBuilder(.request(method: .options, uri: "sip:a@b"))
        #expect(SIPStack.responseSummary(builder, answering: TraceSummary(kind: .request)) == nil)
    }

    @Test(
        arguments: [
            ("<sip:a@b>;tag=abc", "abc"),
            ("\"A\" <sip:a@b>;TAG=Xy;other=1", "Xy"),
            ("<sip:a@b>;tag=1;tag=2", "2"),
            ("<sip:a@b>;tag=x y", "x"),
            ("<sip:é@b>;tag=ü9", "ü9"),
            ("<sip:a@b>", nil),
            ("<sip:a@b>;tag=", nil),
            ("<sip:a@b>;tag=;x", nil),
            (";tag=", nil),
            ("tag=", nil),
            ("", nil),
        ] as [(String, String?)]
    )
    func lastTagReadsTheLastTagParameter(value: String, tag: String?) {
        #expect(SIPStack.lastTag(value) == tag)
    }
}
