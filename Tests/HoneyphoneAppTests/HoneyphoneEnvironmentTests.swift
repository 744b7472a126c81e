import Agent
import HoneyphoneApp
import SIPTransport
import Testing

@Suite struct HoneyphoneEnvironmentTests {
    func parse(_ text: String, files: [String: String] = [:]) throws(SettingsError) -> HoneyphoneEnvironment {
        try HoneyphoneEnvironment(text: text, fileName: "env.conf") { path in
            guard let text = files[path] else {
                throw SettingsError(file: path, line: 0, column: 0, message: "no such file")
            }
            return text
        }
    }

    func error(_ text: String, files: [String: String] = [:]) -> SettingsError? {
        do {
            _ = try self.parse(text, files: files)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultTextParses() throws {
        let environment = try HoneyphoneEnvironment(text: HoneyphoneEnvironment.defaultText, fileName: "default")
        #expect(environment.identity == "honeyphone-default")
        #expect(
            environment.listen == [
                SIPListenAddress(transport: .udp, host: "127.0.0.1", port: 5060),
                SIPListenAddress(transport: .tcp, host: "127.0.0.1", port: 5060),
            ]
        )
        #expect(environment.domain == "honeyphone.invalid")
        #expect(environment.personaID == "linphone-android-5.2")
        #expect(environment.registrar == nil)
        #expect(
            environment.accounts.map(\.aor) == [
                "sip:1001@honeyphone.invalid", "sip:1002@honeyphone.invalid", "sip:1003@honeyphone.invalid",
            ]
        )
        #expect(
            environment.accounts.map(\.personaID) == [
                "linphone-android-5.2", "yealink-t27g-69.86", "asterisk-pjsip-18",
            ]
        )
        #expect(
            environment.accounts.map(\.password) == [
                "not-a-real-password-1001", "not-a-real-password-1002", "not-a-real-password-1003",
            ]
        )
        #expect(environment.accounts.allSatisfy { $0.register && $0.transport == .udp })
        #expect(environment.accounts.map(\.user) == ["1001", "1002", "1003"])
        #expect(environment.accounts.map(\.authUser) == ["1001", "1002", "1003"])
        #expect(environment.accounts.map(\.expires) == [3600, 3600, 3600])
        #expect(environment.policy.ringTime == .seconds(3))
        #expect(environment.policy.answer)
        #expect(environment.policy.hangUpAfter == .seconds(30))
    }

    @Test func emptyFileGivesTheDefaults() throws {
        let environment = try self.parse("")
        #expect(environment.listen.count == 2)
        #expect(environment.identity == "honeyphone")
        #expect(environment.accounts.isEmpty)
        #expect(environment.maximumDialogs == 10_000)
        #expect(environment.rtpPorts == 16_384...32_766)
    }

    @Test func everyKeyIsRead() throws {
        let environment = try self.parse(
            """
            identity: hp-lab
            listen: udp 0.0.0.0:5070
            listen: tls [::1]:5061
            domain: lab.example
            persona: yealink-t27g-69.86
            registrar: tcp registrar.lab.example:5080
            outbound-proxy: 203.0.113.9
            dns-server: 192.0.2.53
            voicemail-server: sip:vm@lab.example
            data-folder: /var/lib/hp
            unknown-user-status: 404
            max-dialogs: 50
            max-transactions: 5000
            udp-receive-buffer: 1048576
            tcp-max-connections: 64
            tcp-max-connections-per-source: 4
            tcp-idle-timeout: 45s
            tls-certificate: cert.pem
            tls-private-key: key.pem
            rtp-ports: 20000-20100
            ring-time: 1.5s
            answer: no
            reject-status: 603
            hangup-after: 0
            """
        )
        #expect(environment.identity == "hp-lab")
        #expect(
            environment.listen == [
                SIPListenAddress(transport: .udp, host: "0.0.0.0", port: 5070),
                SIPListenAddress(transport: .tls, host: "::1", port: 5061),
            ]
        )
        #expect(environment.domain == "lab.example")
        #expect(environment.personaID == "yealink-t27g-69.86")
        #expect(environment.registrar?.description == "tcp registrar.lab.example:5080")
        #expect(environment.outboundProxy?.description == "udp 203.0.113.9:5060")
        #expect(environment.dnsServer == "192.0.2.53")
        #expect(environment.voicemailServer == "sip:vm@lab.example")
        #expect(environment.dataFolder == "/var/lib/hp")
        #expect(environment.unknownUserStatus == 404)
        #expect(environment.maximumDialogs == 50)
        #expect(environment.maximumTransactions == 5000)
        #expect(environment.udpReceiveBuffer == 1_048_576)
        #expect(environment.tcpMaximumConnections == 64)
        #expect(environment.tcpMaximumConnectionsPerSource == 4)
        #expect(environment.tcpIdleTimeout == .seconds(45))
        #expect(environment.tlsCertificate == "cert.pem")
        #expect(environment.tlsPrivateKey == "key.pem")
        #expect(environment.rtpPorts == 20_000...20_100)
        #expect(environment.policy.ringTime == .milliseconds(1_500))
        #expect(!environment.policy.answer)
        #expect(environment.policy.rejectStatus == 603)
        #expect(environment.policy.hangUpAfter == nil)
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var line: String
        var column: Int
        var message: String
        var description: String { self.line }
    }

    @Test(
        arguments: [
            ErrorCase(line: "colour: red", column: 1, message: "unknown attribute 'colour'"),
            ErrorCase(line: "listen: sctp 1.2.3.4:5060", column: 9, message: "'listen' must be"),
            ErrorCase(line: "listen: 127.0.0.1:5060", column: 9, message: "'listen' must be"),
            ErrorCase(line: "listen: udp 127.0.0.1:99999", column: 9, message: "'listen' must be"),
            ErrorCase(line: "listen: udp [::1:5060", column: 9, message: "'listen' must be"),
            ErrorCase(line: "registrar: udp a b", column: 12, message: "'registrar' must be"),
            ErrorCase(line: "registrar: udp host:port", column: 12, message: "'registrar' must be"),
            ErrorCase(line: "outbound-proxy: bad/host", column: 17, message: "'outbound-proxy' must be"),
            ErrorCase(line: "persona: nokia-3310", column: 10, message: "unknown persona 'nokia-3310'"),
            ErrorCase(line: "unknown-user-status: 200", column: 22, message: "'unknown-user-status' must be"),
            ErrorCase(line: "max-dialogs: lots", column: 14, message: "'max-dialogs' must be an integer"),
            ErrorCase(line: "max-transactions: 10", column: 19, message: "'max-transactions' must be an integer"),
            ErrorCase(line: "udp-receive-buffer: 1024", column: 21, message: "'udp-receive-buffer' must be"),
            ErrorCase(line: "tcp-max-connections: 0", column: 22, message: "'tcp-max-connections' must be"),
            ErrorCase(
                line: "tcp-max-connections-per-source: -3",
                column: 33,
                message: "'tcp-max-connections-per-source' must be"
            ),
            ErrorCase(line: "tcp-idle-timeout: soon", column: 19, message: "'tcp-idle-timeout' must be a duration"),
            ErrorCase(line: "rtp-ports: 10-20", column: 12, message: "'rtp-ports' must be LOW-HIGH"),
            ErrorCase(line: "rtp-ports: 30000-20000", column: 12, message: "'rtp-ports' must be LOW-HIGH"),
            ErrorCase(line: "ring-time: 2h", column: 12, message: "'ring-time' must be a duration"),
            ErrorCase(line: "answer: perhaps", column: 9, message: "'answer' must be yes or no"),
            ErrorCase(line: "reject-status: 200", column: 16, message: "'reject-status' must be an integer"),
            ErrorCase(line: "hangup-after: -5", column: 15, message: "'hangup-after' must be a duration"),
            ErrorCase(line: "uri: http://example.com", column: 6, message: "'uri' must be sip:USER@DOMAIN"),
            ErrorCase(line: "uri: sip:example.com", column: 6, message: "'uri' must be sip:USER@DOMAIN"),
            ErrorCase(line: "persona-file: missing.persona", column: 15, message: "cannot read persona file"),
        ]
    )
    func errorsCarryFileLineAndColumn(_ test: ErrorCase) throws {
        let error = try #require(self.error("# header\nidentity: x\n" + test.line))
        #expect(error.file == "env.conf")
        #expect(error.line == 3)
        #expect(error.column == test.column)
        #expect(error.message.hasPrefix(test.message), "\(error.message)")
        #expect(error.description.hasPrefix("env.conf:3:\(test.column): "))
    }

    @Test func duplicateSingleKeyIsAnError() throws {
        let error = try #require(self.error("domain: a\ndomain: b"))
        #expect(error.description == "env.conf:2:9: attribute 'domain' given more than once")
    }

    @Test func uriBlockKeys() throws {
        let environment = try self.parse(
            """
            domain: lab.example
            uri: sip:2001@lab.example
              auth-user: auth2001
              password: pw
              persona: grandstream-ht502
              transport: TCP
              register: no
            uri: sips:2002@lab.example
              expires: 600
            """
        )
        #expect(environment.accounts.count == 2)
        let first = environment.accounts[0]
        #expect(first.aor == "sip:2001@lab.example")
        #expect(first.user == "2001")
        #expect(first.domain == "lab.example")
        #expect(first.authUser == "auth2001")
        #expect(first.password == "pw")
        #expect(first.personaID == "grandstream-ht502")
        // The persona's own expiry when the block gives none.
        #expect(first.expires == 1800)
        #expect(first.transport == .tcp)
        #expect(!first.register)
        let second = environment.accounts[1]
        #expect(second.expires == 600)
        #expect(second.authUser == "2002")
        #expect(second.password == "")
        #expect(second.personaID == Persona.defaultID)
        #expect(second.register)
    }

    @Test(
        arguments: [
            ("  colour: red", 2, 3, "unknown attribute 'colour'"),
            ("  persona: nokia", 2, 12, "unknown persona 'nokia'"),
            ("  transport: sctp", 2, 14, "'transport' must be udp, tcp or tls"),
            ("  expires: 5", 2, 12, "'expires' must be an integer in 10...86400"),
            ("  register: sometimes", 2, 13, "'register' must be yes or no"),
            ("  password: a\n  password: b", 3, 13, "attribute 'password' given more than once"),
        ]
    )
    func uriBlockErrors(_ child: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(self.error("uri: sip:1@example.com\n" + child))
        #expect(error.description == "env.conf:\(line):\(column): \(message)")
    }

    @Test(
        arguments: [
            ("udp 127.0.0.1:5060", "udp", "127.0.0.1", 5060),
            ("[::1]:5061", "udp", "::1", 5061),
            ("tcp host", "tcp", "host", 5060),
            ("tls sip.example.org", "tls", "sip.example.org", 5061),
            ("tcp [2001:db8::5]", "tcp", "2001:db8::5", 5060),
            ("registrar.example.com:5090", "udp", "registrar.example.com", 5090),
            ("UDP 10.0.0.1", "udp", "10.0.0.1", 5060),
        ]
    )
    func serverAddressForms(_ text: String, _ transport: String, _ host: String, _ port: Int) throws {
        let environment = try self.parse("registrar: \(text)")
        let registrar = try #require(environment.registrar)
        #expect(registrar.transport.rawValue == transport)
        #expect(registrar.host == host)
        #expect(registrar.port == port)
    }

    @Test(arguments: ["udp [::1]:5062", "tcp 127.0.0.1:0", "tls 0.0.0.0:5061"])
    func listenAddressForms(_ text: String) throws {
        let environment = try self.parse("listen: \(text)")
        #expect(environment.listen.count == 1)
        #expect(environment.listen[0].description == text)
    }

    @Test func personaFilesAreLoadedAndTheirErrorsNameThem() throws {
        let persona = """
            persona: lab-phone
            user-agent: LabPhone/2
            allow: INVITE, ACK, BYE, CANCEL, OPTIONS
            """
        let environment = try self.parse(
            "persona-file: lab.persona\npersona: lab-phone\nuri: sip:1@x.example\n  persona: lab-phone",
            files: ["lab.persona": persona]
        )
        #expect(environment.personaID == "lab-phone")
        #expect(environment.personas["lab-phone"]?.userAgent == "LabPhone/2")
        #expect(environment.personas["linphone-android-5.2"] != nil)
        #expect(environment.accounts.first?.personaID == "lab-phone")

        let error = try #require(
            self.error("persona-file: bad.persona", files: ["bad.persona": persona + "\nmax-forwards: 0"])
        )
        #expect(error.description == "bad.persona:4:15: 'max-forwards' must be an integer in 1...255")
    }

    @Test
    func crlfEnvironmentFilesParse() throws {
        let environment = try self.parse(
            "identity: crlf\r\nlisten: udp 127.0.0.1:5070\r\nuri: sip:1@x.example\r\n  password: p\r\n"
        )
        #expect(environment.identity == "crlf")
        #expect(environment.listen == [SIPListenAddress(transport: .udp, host: "127.0.0.1", port: 5070)])
        #expect(environment.accounts.map(\.password) == ["p"])
    }
}
