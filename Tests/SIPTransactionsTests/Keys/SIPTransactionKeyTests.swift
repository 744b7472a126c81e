import NIOCore
import SIPCore
import Testing

@testable import SIPTransactions

/// Transaction matching (RFC 3261 §17.1.3, §17.2.3, §9.2).
@Suite struct SIPTransactionKeyTests {
    @Test func retransmissionHasTheSameKeyAndAnACKMapsToItsInvite() throws {
        let invite = try Fixtures.request(.invite)
        let retransmission = try Fixtures.request(.invite)
        let ack = try Fixtures.request(.ack, cseqMethod: .ack, toTag: "as83kd9bs")
        let key = try #require(SIPTransactionKey(serverTransactionOf: invite))
        #expect(SIPTransactionKey(serverTransactionOf: retransmission) == key)
        #expect(SIPTransactionKey(serverTransactionOf: ack) == key)
        #expect(key.method == .invite)
        #expect(!key.isClient)
        #expect(!key.usesRFC2543Matching)
    }

    @Test func branchSentByAndMethodAllCount() throws {
        let key = SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite))
        #expect(SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, branch: "z9hG4bKother")) != key)
        #expect(SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, sentBy: "192.0.2.11:5060")) != key)
        #expect(SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, sentBy: "192.0.2.10")) != key)
        #expect(SIPTransactionKey(serverTransactionOf: try Fixtures.request(.bye)) != key)
        // Host names compare without case; the branch does not.
        let named = SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, sentBy: "PC33.Example.com"))
        #expect(
            named == SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, sentBy: "pc33.example.com"))
        )
        #expect(
            SIPTransactionKey(serverTransactionOf: try Fixtures.request(.invite, branch: "z9hG4bK776ASDHDS")) != key
        )
    }

    @Test func sentByIsTheLowerCasedHostAsWrittenWithItsPort() {
        #expect(SIPTransactionKey.sentBy(.name("PC33.Example.COM"), port: 5060) == "pc33.example.com:5060")
        #expect(SIPTransactionKey.sentBy(.ipv4("192.0.2.10"), port: nil) == "192.0.2.10")
        #expect(SIPTransactionKey.sentBy(.ipv6("2001:DB8::A"), port: 5062) == "[2001:db8::a]:5062")
        #expect(SIPTransactionKey.sentBy(.ipv6("::1"), port: nil) == "[::1]")
        // The same text as the former interpolation of the lower-cased description, for every form.
        for host in [SIPURI.Host.name("Host-A.example"), .ipv4("198.51.100.7"), .ipv6("fe80::Ab")] {
            for port in [nil, 1, 65_535] as [Int?] {
                let old = port.map { "\(host.description.lowercased()):\($0)" } ?? host.description.lowercased()
                #expect(SIPTransactionKey.sentBy(host, port: port) == old)
            }
        }
    }

    @Test func cancelHasItsOwnKeyAndNamesTheInvite() throws {
        let invite = try Fixtures.request(.invite)
        let cancel = try Fixtures.request(.cancel)
        let inviteKey = SIPTransactionKey(serverTransactionOf: invite)
        let cancelKey = try #require(SIPTransactionKey(serverTransactionOf: cancel))
        #expect(cancelKey != inviteKey)
        #expect(cancelKey.method == .cancel)
        #expect(SIPTransactionKey.keyOfTransactionCancelled(by: cancel) == inviteKey)
        #expect(SIPTransactionKey.keyOfTransactionCancelled(by: invite) == nil)
        let otherBranch = try Fixtures.request(.cancel, branch: "z9hG4bKelse")
        #expect(SIPTransactionKey.keyOfTransactionCancelled(by: otherBranch) != inviteKey)
    }

    @Test func rfc2543RequestUsesTheFallbackFields() throws {
        // RFC 4475 §3.4.1 (inv2543): no branch, no From tag.
        let text =
            "INVITE sip:UserB@example.com SIP/2.0\r\nVia: SIP/2.0/UDP iftgw.example.com\r\n"
            + "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n"
            + "Record-Route: <sip:UserB@example.com;maddr=ss1.example.com>\r\n"
            + "To: sip:+16505552222@ss1.example.net;user=phone\r\nCall-ID: inv2543.1717@ift.client.example.com\r\n"
            + "CSeq: 56 INVITE\r\nContent-Type: application/sdp\r\n\r\n"
            + "v=0\r\no=mhandley 29739 7272939 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\n"
            + "m=audio 49217 RTP/AVP 0\r\n"
        let invite = try Fixtures.parse(text)
        let key = try #require(SIPTransactionKey(serverTransactionOf: invite))
        #expect(key.usesRFC2543Matching)
        #expect(SIPTransactionKey(serverTransactionOf: try Fixtures.parse(text)) == key)
        let otherCSeq = try Fixtures.parse(text.replacingFirst("CSeq: 56", with: "CSeq: 57"))
        #expect(SIPTransactionKey(serverTransactionOf: otherCSeq) != key)
        let otherVia = try Fixtures.parse(text.replacingFirst("iftgw.example.com", with: "iftgw2.example.com"))
        #expect(SIPTransactionKey(serverTransactionOf: otherVia) != key)
        let otherURI = try Fixtures.parse(text.replacingFirst("INVITE sip:UserB", with: "INVITE sip:UserC"))
        #expect(SIPTransactionKey(serverTransactionOf: otherURI) != key)
        let tagged = try Fixtures.parse(text.replacingFirst("user=phone>", with: "user=phone>;tag=1"))
        #expect(SIPTransactionKey(serverTransactionOf: tagged) != key)
        #expect(key.description.contains("call-id=inv2543.1717@ift.client.example.com"))
    }

    @Test func bareMagicCookieIsNotAnRFC3261Branch() throws {
        // RFC 4475 badbranch: a branch of exactly "z9hG4bK" cannot be unique.
        let options = try Fixtures.request(.options, branch: "z9hG4bK")
        let key = try #require(SIPTransactionKey(serverTransactionOf: options))
        #expect(key.usesRFC2543Matching)
        #expect(!SIPTransactionKey.isRFC3261Branch("z9hG4bK"))
        #expect(SIPTransactionKey.isRFC3261Branch("z9hG4bK1"))
        #expect(!SIPTransactionKey.isRFC3261Branch("Z9HG4BK123"))
        #expect(!SIPTransactionKey.isRFC3261Branch("1234"))
    }

    @Test func requestsThatCannotBeMatchedHaveNoKey() throws {
        let noVia = try Fixtures.parse(
            "OPTIONS sip:x@192.0.2.1 SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(SIPTransactionKey(serverTransactionOf: noVia) == nil)
        let noBranchNoCSeq = try Fixtures.parse(
            "OPTIONS sip:x@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n"
        )
        #expect(SIPTransactionKey(serverTransactionOf: noBranchNoCSeq) == nil)
        let response = try Fixtures.parsedResponse(to: try Fixtures.request(.invite), 200, "OK")
        #expect(SIPTransactionKey(serverTransactionOf: response) == nil)
        #expect(SIPTransactionKey(clientTransactionOf: response) == nil)
    }

    @Test func clientKeysMatchResponsesByBranchAndCSeqMethod() throws {
        let invite = try Fixtures.request(.invite, branch: "z9hG4bKclient1")
        let cancel = try Fixtures.request(.cancel, branch: "z9hG4bKclient1")
        let inviteKey = try #require(SIPTransactionKey(clientTransactionOf: invite))
        let cancelKey = try #require(SIPTransactionKey(clientTransactionOf: cancel))
        #expect(inviteKey.isClient)
        #expect(inviteKey != cancelKey)
        #expect(
            SIPTransactionKey(clientTransactionMatching: try Fixtures.parsedResponse(to: invite, 180, "Ringing"))
                == inviteKey
        )
        #expect(
            SIPTransactionKey(clientTransactionMatching: try Fixtures.parsedResponse(to: cancel, 200, "OK"))
                == cancelKey
        )
        // A server key for the same branch is a different key.
        #expect(SIPTransactionKey(serverTransactionOf: invite) != inviteKey)
        // An ACK never starts a client transaction.
        #expect(SIPTransactionKey(clientTransactionOf: try Fixtures.request(.ack)) == nil)
        #expect(inviteKey.retainedByteCount == "z9hG4bKclient1".utf8.count + "INVITE".utf8.count)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        self.replacing(target, with: replacement, maxReplacements: 1)
    }
}
