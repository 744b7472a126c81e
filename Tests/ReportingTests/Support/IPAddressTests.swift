import Testing

@testable import Reporting

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("198.51.100.7", "198.51.100.7"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("2001:db8::1", "2001:db8::1"), ("::", "::"), ("::1", "::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:0db8:0000:0001:0001:0001:0001:0001", "2001:db8:0:1:1:1:1:1"),
        ("fe80::", "fe80::"), ("::ffff:192.0.2.9", "192.0.2.9"), ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
    ])
    func valid(_ text: String, _ canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n",
        "a.b.c.d", "::1::", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "1:", ":1", "[::1]",
        "fe80::1%eth0", "::ffff:1.2.3", "1.2.3.4::", "g::1", "1:2:3:4:5:6:7::8", "example.com", "1.2.3.4/32",
        "<script>", "1.2.3.4\u{0}",
    ])
    func invalid(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func prefixes() throws {
        let loopback = try #require(IPPrefix("127.0.0.0/8"))
        #expect(loopback.contains(try #require(IPAddress("127.1.2.3"))))
        #expect(!loopback.contains(try #require(IPAddress("128.0.0.1"))))
        #expect(!loopback.contains(try #require(IPAddress("::1"))))
        let v6 = try #require(IPPrefix("2001:db8::/33"))
        #expect(v6.contains(try #require(IPAddress("2001:db8:7fff::1"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db8:8000::1"))))
        #expect(try #require(IPPrefix("192.0.2.1")).length == 32)
        #expect(try #require(IPPrefix("0.0.0.0/0")).contains(try #require(IPAddress("8.8.8.8"))))
        #expect(IPPrefix("10.0.0.0/33") == nil)
        #expect(IPPrefix("10.0.0.0/") == nil)
        #expect(IPPrefix("10.0.0.0/-1") == nil)
    }

    @Test func order() throws {
        let sorted = ["::1", "10.0.0.2", "9.0.0.1", "2001:db8::"].compactMap(IPAddress.init).sorted().map(\.description)
        #expect(sorted == ["9.0.0.1", "10.0.0.2", "::1", "2001:db8::"])
    }
}
