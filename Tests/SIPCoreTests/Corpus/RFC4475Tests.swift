import SIPCore
import Testing

/// RFC 4475 torture messages: every valid one parses without an error anomaly; every invalid one is rejected
/// or carries an error anomaly naming its defect.
@Suite struct RFC4475Tests {
    /// The defect each invalid message must be reported for (RFC 4475 §3.1.2, §3.3.1, §3.3.8, §3.3.9).
    static let invalid: [String: String] = [
        "badaspec": "whitespace-in-addr-spec",
        "baddate": "invalid-date",
        "baddn": "invalid-display-name",
        "badinv01": "empty-list-element",
        "badvers": "unsupported-version",
        "bigcode": "invalid-status-code",
        "clerr": "content-length-mismatch",
        "escruri": "headers-in-request-uri",
        "insuf": "missing-required-header",
        "ltgtruri": "request-uri-in-angle-brackets",
        "lwsruri": "whitespace-in-request-uri",
        "lwsstart": "excess-whitespace",
        "mcl01": "conflicting-content-length",
        "mismatch01": "cseq-method-mismatch",
        "mismatch02": "cseq-method-mismatch",
        "multi01": "duplicate-single-header",
        "ncl": "invalid-content-length",
        "quotbal": "unterminated-quoted-string",
        "regbadct": "unbracketed-uri",
        "scalar02": "value-out-of-range",
        "scalarlg": "value-out-of-range",
        "trws": "excess-whitespace",
    ]

    /// Warnings a valid message must carry: legal but unusual, which is evidence.
    static let validWarnings: [String: Set<String>] = [
        "badbranch": ["non-compliant-branch"],
        "bcast": ["broadcast-address"],
        "dblreq": ["trailing-bytes"],
        "esc02": ["unknown-method"],
        "escnull": ["escaped-nul"],
        "intmeth": ["unknown-method"],
        "inv2543": ["missing-branch", "missing-from-tag", "missing-max-forwards", "missing-content-length"],
        "novelsc": ["unknown-uri-scheme"],
        "unkscm": ["unknown-uri-scheme"],
        "unksm2": ["unknown-uri-scheme"],
        "wsinv": ["line-folding"],
    ]

    @Test func corpusIsComplete() {
        #expect(Corpus.names("rfc4475/valid").count == 27)
        #expect(Set(Corpus.names("rfc4475/invalid")) == Set(Self.invalid.keys))
    }

    @Test(arguments: Corpus.names("rfc4475/valid"))
    func validMessageParsesWithoutErrors(name: String) throws {
        let message = try Corpus.parse("rfc4475/valid", name)
        #expect(message.errorCodes.isEmpty, "\(name): \(message.anomalies)")
        #expect(message.callID != nil)
        #expect(message.cseq != nil)
        #expect(!message.vias.isEmpty)
        if let expected = Self.validWarnings[name] {
            #expect(expected.isSubset(of: message.warningCodes), "\(name): \(message.anomalies)")
        }
    }

    @Test(arguments: Self.invalid.keys.sorted())
    func invalidMessageIsReportedForItsDefect(name: String) throws {
        let expected = try #require(Self.invalid[name])
        do {
            let message = try Corpus.parse("rfc4475/invalid", name)
            #expect(message.errorCodes.contains(expected), "\(name): \(message.anomalies)")
        } catch {
            Issue.record("\(name) was rejected as \(error), expected an anomaly \(expected)")
        }
    }
}
