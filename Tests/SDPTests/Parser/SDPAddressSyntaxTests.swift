import SDP
import Testing

/// The address checks, through the parser (the checker itself is internal): each address goes into a `c=` line
/// of its type, and the test looks for the matching anomaly.
@Suite struct SDPAddressSyntaxTests {
    private func anomalies(addressType: String, address: String) throws -> [SDPAnomaly.Code] {
        let lines = ["v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN \(addressType) \(address)", "t=0 0"]
        return try SDPParser.parse(SDPFixtures.body(lines)).anomalies.map(\.code)
    }

    @Test(arguments: [
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "127.0.0.1", "host.example.com", "pbx-1.example.net",
        "localhost", "233.252.0.1/127", "233.252.0.1/127/3",
    ])
    func validIPv4(_ address: String) throws {
        #expect(try self.anomalies(addressType: "IP4", address: address) == [])
    }

    @Test(arguments: [
        "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..3.4", "2001:db8::1", "192.0.2.1.", "bad$host",
        "::ffff:192.0.2.1", "1234", "-1.2.3.4",
    ])
    func invalidIPv4(_ address: String) throws {
        #expect(try self.anomalies(addressType: "IP4", address: address) == [.ipv4AddressInvalid])
    }

    @Test(arguments: [
        "2001:db8::1", "::1", "::", "::ffff:192.0.2.2", "2001:db8:0:0:0:0:0:1", "fe80::1:2:3:4:5",
        "2001:DB8::A", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "64:ff9b::192.0.2.33", "host6.example.com",
        "ff00::db8:0:101/3",
    ])
    func validIPv6(_ address: String) throws {
        #expect(try self.anomalies(addressType: "IP6", address: address) == [])
    }

    @Test(arguments: [
        "2001:db8:::1", "2001::db8::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", ":1::2",
        "1::2:", "[2001:db8::1]", "192.0.2.1", "::ffff:192.0.2.256", "1.2.3.4::", "2001:db8::1%eth0", ":",
        "1:2:3:4:5:6:7:8::",
    ])
    func invalidIPv6(_ address: String) throws {
        #expect(try self.anomalies(addressType: "IP6", address: address) == [.ipv6AddressInvalid])
    }

    @Test func unknownAddressTypesAreNotChecked() throws {
        #expect(try self.anomalies(addressType: "X-ATM", address: "%%%") == [.unknownAddrType])
    }
}
