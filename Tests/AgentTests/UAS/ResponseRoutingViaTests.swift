import Testing

@testable import Agent

@Suite struct ResponseRoutingViaTests {
    @Test func fillsBareRPortAndAppendsReceived() {
        #expect(
            ResponseRouting.annotateFirstVia(
                "SIP/2.0/UDP h:5060;rport;branch=z9hG4bK1",
                rport: 5098,
                received: "192.0.2.9"
            )
                == "SIP/2.0/UDP h:5060;rport=5098;branch=z9hG4bK1;received=192.0.2.9"
        )
        #expect(
            ResponseRouting.annotateFirstVia("SIP/2.0/UDP h;branch=z9hG4bK1; RPort ", rport: 7, received: nil)
                == "SIP/2.0/UDP h;branch=z9hG4bK1; rport=7"
        )
    }

    @Test func annotatesOnlyTheFirstViaParm() {
        // The comma inside quotes or an IPv6 reference does not end the first via-parm; trailing spaces before
        // the real comma are dropped, the rest is kept byte for byte.
        let value = "SIP/2.0/UDP [2001:db8::1,]:5060;x=\"a,b\";rport  , SIP/2.0/UDP p;rport"
        #expect(
            ResponseRouting.annotateFirstVia(value, rport: 9, received: "2001:db8::2")
                == "SIP/2.0/UDP [2001:db8::1,]:5060;x=\"a,b\";rport=9;received=2001:db8::2, SIP/2.0/UDP p;rport"
        )
        #expect(
            ResponseRouting.annotateFirstVia(
                "SIP/2.0/UDP a;branch=z9hG4bK1,SIP/2.0/UDP b;rport",
                rport: 9,
                received: nil
            )
                == nil
        )
    }

    @Test func leavesAnRPortWithAValueOrNothingToAdd() {
        #expect(ResponseRouting.annotateFirstVia("SIP/2.0/UDP h;rport=1", rport: 5, received: nil) == nil)
        #expect(ResponseRouting.annotateFirstVia("SIP/2.0/UDP h;rportx", rport: 5, received: nil) == nil)
        #expect(ResponseRouting.annotateFirstVia("SIP/2.0/UDP h;rport", rport: nil, received: nil) == nil)
        #expect(
            ResponseRouting.annotateFirstVia("SIP/2.0/UDP h;rport=1", rport: 5, received: "192.0.2.1")
                == "SIP/2.0/UDP h;rport=1;received=192.0.2.1"
        )
    }
}
