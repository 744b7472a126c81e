import Recon
import Testing

@Suite struct ResolvConfTests {
    @Test func parsesServersAndOptions() {
        let conf = ResolvConf.parse(
            """
            # comment
            search lab.test
            nameserver 127.0.0.53
            nameserver ::1
            nameserver fe80::1%eth0
            nameserver not-an-address
            options edns0 timeout:3 attempts:9
            """
        )
        #expect(conf.nameservers == [.v4(127, 0, 0, 53), IPAddress("::1")!, IPAddress("fe80::1")!])
        #expect(conf.timeoutSeconds == 3)
        #expect(conf.attempts == 5)
        #expect(conf.skippedLines == 1)
        let configuration = DNSClientConfiguration(resolvConf: conf)
        #expect(configuration.servers.first?.port == 53)
        #expect(configuration.attemptTimeout == .seconds(3))
    }

    @Test func emptyFileFallsBackToLoopback() async {
        let conf = await ResolvConf.load(path: "/nonexistent/resolv.conf")
        #expect(conf.nameservers.isEmpty)
        #expect(DNSClientConfiguration(resolvConf: conf).servers == [.init(address: .v4(127, 0, 0, 1))])
    }
}
