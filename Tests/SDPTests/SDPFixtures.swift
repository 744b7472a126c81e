// Bodies and helpers shared by the SDP tests. (The house style puts fixtures in a TestSupport module; this
// target cannot declare one, so they live here, in the test target only.)

/// Builds SDP bodies as bytes.
enum SDPFixtures {
    /// The lines joined, each ended by `ending` (CRLF by default).
    static func body(_ lines: [String], ending: String = "\r\n") -> [UInt8] {
        Array(lines.map { $0 + ending }.joined().utf8)
    }

    /// The typical offer of a SIP scanner or softphone: PCMU, PCMA and telephone-event on 127.0.0.1.
    static let typicalOfferLines = [
        "v=0",
        "o=root 1899464124 1899464124 IN IP4 127.0.0.1",
        "s=call",
        "c=IN IP4 127.0.0.1",
        "t=0 0",
        "m=audio 10500 RTP/AVP 0 8 101",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=sendrecv",
    ]

    /// ``typicalOfferLines`` with CRLF line endings.
    static let typicalOffer = Self.body(Self.typicalOfferLines)

    /// The example session of RFC 8866 §5.
    static let rfc8866Example = Self.body([
        "v=0",
        "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
        "s=Call to John Smith",
        "i=SDP Offer #1",
        "u=http://www.jdoe.example.com/home.html",
        "e=Jane Doe <jane@jdoe.example.com>",
        "p=+1 617 555-6011",
        "c=IN IP4 198.51.100.1",
        "t=0 0",
        "m=audio 49170 RTP/AVP 0",
        "m=audio 49180 RTP/AVP 0",
        "m=video 51372 RTP/AVP 99",
        "c=IN IP6 2001:db8::2",
        "a=rtpmap:99 h263-1998/90000",
    ])

    /// The SDP of RFC 5118 §4.6 (`ipv6-in-sdp`): IPv6 everywhere.
    static let rfc5118IPv6 = Self.body([
        "v=0",
        "o=assistant 971731711378798081 0 IN IP6 2001:db8::20",
        "s=Live video feed for today's meeting",
        "c=IN IP6 2001:db8::20",
        "t=3338481189 3370017201",
        "m=audio 6000 RTP/AVP 2",
        "a=rtpmap:2 G726-32/8000",
        "m=video 6024 RTP/AVP 107",
        "a=rtpmap:107 H263-1998/90000",
    ])

    /// The SDP of RFC 5118 §4.8 (`mult-ip-in-sdp`): an IPv4 and an IPv6 stream, and an empty `s=`.
    static let rfc5118MixedStreams = Self.body([
        "v=0",
        "o=bob 280744730 28977631 IN IP4 host.example.com",
        "s=",
        "t=0 0",
        "m=audio 22334 RTP/AVP 0",
        "c=IN IP4 192.0.2.1",
        "m=video 6024 RTP/AVP 107",
        "c=IN IP6 2001:db8::1",
        "a=rtpmap:107 H263-1998/90000",
    ])

    /// The SDP of RFC 5118 §4.7 (`ipv4-mapped-ipv6`): IPv4-mapped IPv6 addresses.
    static let rfc5118MappedIPv6 = Self.body([
        "v=0",
        "o=assistant 971731711378798081 0 IN IP6 ::ffff:192.0.2.2",
        "s=Call me soon, please!",
        "c=IN IP6 ::ffff:192.0.2.2",
        "t=3338481189 3370017201",
        "m=audio 6000 RTP/AVP 2",
        "a=rtpmap:2 G726-32/8000",
        "m=video 6024 RTP/AVP 107",
        "a=rtpmap:107 H263-1998/90000",
    ])
}

/// A small deterministic pseudo-random generator (SplitMix64), so that the robustness tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
