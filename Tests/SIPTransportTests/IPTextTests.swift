import NIOCore
import SIPTransport
import Testing

@Suite struct IPTextTests {
    @Test(arguments: [
        "0.0.0.0", "255.255.255.255", "127.0.0.1", "10.0.0.1", "192.168.100.200", "1.2.3.4", "100.10.9.99",
        "203.0.113.250", "::1", "2001:db8::5", "fe80::1:2",
    ])
    func writesWhatInetNtopWrites(_ text: String) throws {
        let address = try SocketAddress(ipAddress: text, port: 5060)
        #expect(address.ipText == address.ipAddress)
        #expect(address.ipText == text)
    }

    @Test func everyOctetValue() throws {
        for octet in 0...255 {
            let address = try SocketAddress(ipAddress: "\(octet).\(255 - octet).\(octet / 2).\(octet % 7)", port: 1)
            #expect(address.ipText == address.ipAddress)
        }
    }
}
