// The messages the speed targets refer to, byte for byte: `shared/bench/invite-650.sip` and
// `shared/bench/options-389.sip` (a SIPVicious-style INVITE and OPTIONS), and RFC 4475 §3.1.1.2 "wsinv" (the same
// bytes as `Tests/SIPCoreTests/Messages/rfc4475/valid/wsinv.sip`). Every line ends in an explicit `\r\n` escape
// and an escaped newline, so no editor or git setting can change the bytes; `BenchMessages.check()` verifies each
// message's size and hash before any benchmark runs. Generated from those
// files.

enum BenchMessages {
    /// A 650-byte INVITE with a 209-byte SDP offer (G.711 and telephone-event).
    static let invite650: [UInt8] = Array(
        """
        INVITE sip:0046812345678@127.0.0.1:5060 SIP/2.0\r\n\
        Via: SIP/2.0/UDP 127.0.0.1:5098;branch=z9hG4bK-3f2a9c0d11e84b7a;rport\r\n\
        Max-Forwards: 70\r\n\
        From: "100" <sip:100@127.0.0.1:5060>;tag=3f2a9c0d11e84b7a\r\n\
        To: <sip:0046812345678@127.0.0.1:5060>\r\n\
        Call-ID: 3f2a9c0d11e84b7a\r\n\
        CSeq: 1 INVITE\r\n\
        Contact: <sip:100@127.0.0.1:5098>\r\n\
        User-Agent: friendly-scanner\r\n\
        Allow: INVITE, ACK, CANCEL, OPTIONS, BYE\r\n\
        Content-Type: application/sdp\r\n\
        Content-Length: 209\r\n\
        \r\n\
        v=0\r\n\
        o=root 1899464124 1899464124 IN IP4 127.0.0.1\r\n\
        s=call\r\n\
        c=IN IP4 127.0.0.1\r\n\
        t=0 0\r\n\
        m=audio 10500 RTP/AVP 0 8 101\r\n\
        a=rtpmap:0 PCMU/8000\r\n\
        a=rtpmap:8 PCMA/8000\r\n\
        a=rtpmap:101 telephone-event/8000\r\n\
        a=sendrecv\r\n
        """
        .utf8
    )

    /// A 389-byte OPTIONS probe.
    static let options389: [UInt8] = Array(
        """
        OPTIONS sip:100@127.0.0.1:5060 SIP/2.0\r\n\
        Via: SIP/2.0/UDP 127.0.0.1:5098;branch=z9hG4bK-3f2a9c0d11e84b7a;rport\r\n\
        Max-Forwards: 70\r\n\
        To: "sipvicious"<sip:100@127.0.0.1:5060>\r\n\
        From: "sipvicious"<sip:100@127.0.0.1:5060>;tag=3f2a9c0d11e84b7a\r\n\
        User-Agent: friendly-scanner\r\n\
        Call-ID: 3f2a9c0d11e84b7a\r\n\
        Contact: sip:100@127.0.0.1:5098\r\n\
        CSeq: 1 OPTIONS\r\n\
        Accept: application/sdp\r\n\
        Content-Length: 0\r\n\
        \r\n
        """
        .utf8
    )

    /// RFC 4475 §3.1.1.2: a tortuous INVITE (line folding, odd white space, compact forms, SDP body).
    static let wsinv: [UInt8] = Array(
        """
        INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0\r\n\
        TO :\r\n\
         sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n\r\n\
        from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>\r\n\
          ;\r\n\
          tag = 98asjd8\r\n\
        MaX-fOrWaRdS: 0068\r\n\
        Call-ID: wsinv.ndaksdj@192.0.2.1\r\n\
        Content-Length   : 150\r\n\
        cseq: 0009\r\n\
          INVITE\r\n\
        Via  : SIP  /   2.0\r\n\
         /UDP\r\n\
            192.0.2.2;branch=390skdjuw\r\n\
        s :\r\n\
        NewFangledHeader:   newfangled value\r\n\
         continued newfangled value\r\n\
        UnknownHeaderWithUnusualValue: ;;,,;;,;\r\n\
        Content-Type: application/sdp\r\n\
        Route:\r\n\
         <sip:services.example.com;lr;unknownwith=value;unknown-no-value>\r\n\
        v:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n\
          branch  =   z9hG4bK9ikj8  ,\r\n\
         SIP  /    2.0   / UDP  192.168.255.111   ; branch=\r\n\
         z9hG4bK30239\r\n\
        m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =\r\n\
              newvalue ;\r\n\
          secondparam ; q = 0.33\r\n\
        \r\n\
        v=0\r\n\
        o=mhandley 29739 7272939 IN IP4 192.0.2.3\r\n\
        s=-\r\n\
        c=IN IP4 192.0.2.4\r\n\
        t=0 0\r\n\
        m=audio 49217 RTP/AVP 0 12\r\n\
        m=video 3227 RTP/AVP 31\r\n\
        a=rtpmap:31 LPC\r\n
        """
        .utf8
    )

    /// Where the SDP body of ``invite650`` starts (after the empty line).
    static let invite650BodyOffset = 441

    /// The expected size and FNV-1a hash of each message.
    static let expected: [(name: String, bytes: [UInt8], size: Int, fnv1a: UInt64)] = [
        ("invite-650.sip", Self.invite650, 650, 0x2319_419d_7f43_e7e5),
        ("options-389.sip", Self.options389, 389, 0x594a_ac73_1924_d4e1),
        ("wsinv.sip", Self.wsinv, 1001, 0xc705_1bc6_0630_dd66),
    ]

    /// Throws when a message is not the exact bytes the speed targets were set for.
    static func check() throws {
        for message in Self.expected {
            guard message.bytes.count == message.size else {
                throw BenchMessageError(
                    name: message.name,
                    reason: "\(message.bytes.count) bytes, expected \(message.size)"
                )
            }
            let hash = Self.fnv1a(message.bytes)
            guard hash == message.fnv1a else {
                throw BenchMessageError(name: message.name, reason: "FNV-1a \(hash), expected \(message.fnv1a)")
            }
        }
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A bench message whose bytes are not the ones the speed targets were set for.
struct BenchMessageError: Error, CustomStringConvertible {
    var name: String
    var reason: String
    var description: String { "\(self.name): \(self.reason)" }
}
