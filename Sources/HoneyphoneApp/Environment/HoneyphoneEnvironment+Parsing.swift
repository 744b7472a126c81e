public import Agent
import SIPCore
public import SIPTransport
import WebUI

extension HoneyphoneEnvironment {
    /// Reads an environment file; persona files it names are read with `readFile`.
    public init(
        text: String,
        fileName: String,
        readFile: (String) throws -> String = { _ in
            throw SettingsError(file: "", line: 0, column: 0, message: "no files")
        }
    ) throws(SettingsError) {
        let document = try AttributeDocument(parsing: text, fileName: fileName)
        let reader = AttributeReader(fileName: fileName, entries: document.entries, known: Self.keys)
        try reader.checkKeys()
        self.init()
        self.identity = try reader.string("identity") ?? self.identity
        for entry in reader.all("listen") {
            guard let parsed = Self.server(entry.value, defaultTransport: nil) else {
                throw reader.error(entry, "'listen' must be 'udp|tcp|tls HOST:PORT', such as 'udp 127.0.0.1:5060'")
            }
            self.listen.append(SIPListenAddress(transport: parsed.transport, host: parsed.host, port: parsed.port))
        }
        if self.listen.isEmpty {
            self.listen = [
                SIPListenAddress(transport: .udp, host: "127.0.0.1", port: 5060),
                SIPListenAddress(transport: .tcp, host: "127.0.0.1", port: 5060),
            ]
        }
        self.domain = try reader.string("domain") ?? self.domain
        for entry in reader.all("persona-file") {
            let text: String
            do {
                text = try readFile(entry.value)
            } catch {
                throw reader.error(entry, "cannot read persona file: \(error)")
            }
            let persona = try Persona(document: AttributeDocument(parsing: text, fileName: entry.value))
            self.personas[persona.id] = persona
        }
        if let entry = try reader.entry("persona") {
            guard self.personas[entry.value] != nil else {
                throw reader.error(entry, "unknown persona '\(entry.value)'")
            }
            self.personaID = entry.value
        }
        for (key, keyPath) in [("registrar", \Self.registrar), ("outbound-proxy", \Self.outboundProxy)] {
            guard let entry = try reader.entry(key) else { continue }
            guard let parsed = Self.server(entry.value, defaultTransport: .udp) else {
                throw reader.error(entry, "'\(key)' must be '[udp|tcp|tls] HOST[:PORT]'")
            }
            self[keyPath: keyPath] = parsed
        }
        self.dnsServer = try reader.string("dns-server")
        self.voicemailServer = try reader.string("voicemail-server")
        self.dataFolder = try reader.string("data-folder") ?? self.dataFolder
        if let entry = try reader.entry("unknown-user-status"), entry.value != "none" {
            guard let code = Int(entry.value), (400...699).contains(code) else {
                throw reader.error(entry, "'unknown-user-status' must be a status 400-699 or none")
            }
            self.unknownUserStatus = code
        }
        self.maximumDialogs = try reader.integer("max-dialogs", in: 1...1_000_000) ?? self.maximumDialogs
        self.maximumTransactions =
            try reader.integer("max-transactions", in: 100...10_000_000) ?? self.maximumTransactions
        self.maximumStatefulNonInvite =
            try reader.integer("max-stateful-non-invite", in: 0...10_000_000) ?? self.maximumStatefulNonInvite
        self.udpReceiveBuffer =
            try reader.integer("udp-receive-buffer", in: 65_536...(1 << 30)) ?? self.udpReceiveBuffer
        self.tcpMaximumConnections =
            try reader.integer("tcp-max-connections", in: 1...1_000_000) ?? self.tcpMaximumConnections
        self.tcpMaximumConnectionsPerSource =
            try reader.integer("tcp-max-connections-per-source", in: 1...100_000) ?? self.tcpMaximumConnectionsPerSource
        self.tcpIdleTimeout = try reader.duration("tcp-idle-timeout") ?? self.tcpIdleTimeout
        self.tlsCertificate = try reader.string("tls-certificate")
        self.tlsPrivateKey = try reader.string("tls-private-key")
        if let entry = try reader.entry("rtp-ports") {
            let parts = entry.value.split(separator: "-")
            guard parts.count == 2, let low = UInt16(parts[0]), let high = UInt16(parts[1]), low >= 1024, low < high
            else {
                throw reader.error(entry, "'rtp-ports' must be LOW-HIGH within 1024-65535")
            }
            self.rtpPorts = low...high
        }
        self.policy.ringTime = try reader.duration("ring-time", max: 3_600) ?? self.policy.ringTime
        self.policy.answer = try reader.bool("answer") ?? self.policy.answer
        if let status = try reader.integer("reject-status", in: 400...699) { self.policy.rejectStatus = status }
        if let after = try reader.duration("hangup-after", max: 86_400) {
            self.policy.hangUpAfter = after == .zero ? nil : after
        }
        for entry in reader.all("uri") {
            self.accounts.append(try self.account(entry, fileName: fileName))
        }
        self.eventSinks = try Self.eventSinks(reader)
        try self.readWebSettings(reader)
    }

    /// The administrator interface's keys (`web-*`).
    private mutating func readWebSettings(_ reader: AttributeReader) throws(SettingsError) {
        var web = WebConfiguration()
        if let entry = try reader.entry("web-listen") {
            if entry.value == "none" {
                self.web = nil
                return
            }
            guard let (host, port) = Self.hostPort(entry.value), (0...65_535).contains(port) else {
                throw reader.error(entry, "'web-listen' must be 'HOST:PORT' (IPv6 as '[::1]:8080') or 'none'")
            }
            web.host = host
            web.port = port
        }
        if let entry = try reader.entry("web-admin-password") {
            guard let hash = PasswordHash(text: entry.value) else {
                throw reader.error(
                    entry,
                    "'web-admin-password' must be a hash made by 'honeyphone web-password' (pbkdf2-sha256$ROUNDS$SALT$HASH)"
                )
            }
            web.passwordHash = hash
        }
        for entry in reader.all("web-api-token") {
            guard let digest = TokenDigest(text: entry.value) else {
                throw reader.error(
                    entry,
                    "'web-api-token' must be 'sha256:' and 64 hex digits ('honeyphone web-token')"
                )
            }
            web.tokenDigests.append(digest)
        }
        web.sessionIdle = try reader.duration("web-session-idle", max: 30 * 86_400) ?? web.sessionIdle
        self.web = web
    }

    /// `HOST:PORT` or `[IPv6]:PORT`.
    static func hostPort(_ text: String) -> (String, Int)? {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), !host.isEmpty else { return nil }
            return (host, port)
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else { return nil }
        let host = String(text[..<colon])
        guard !host.isEmpty, !host.contains(":"), !host.contains(" ") else { return nil }
        return (host, port)
    }

    private func account(_ entry: AttributeDocument.Entry, fileName: String) throws(SettingsError) -> URIAccount {
        let reader = AttributeReader(fileName: fileName, entries: entry.children, known: Self.uriKeys)
        try reader.checkKeys()
        guard let uri = SIPURI(entry.value), uri.scheme == .sip || uri.scheme == .sips, let user = uri.user,
            !user.isEmpty,
            let host = uri.host
        else {
            throw SettingsError(
                file: fileName,
                line: entry.line,
                column: entry.valueColumn,
                message: "'uri' must be sip:USER@DOMAIN"
            )
        }
        let personaID = try reader.string("persona") ?? self.personaID
        if self.personas[personaID] == nil, let personaEntry = try reader.entry("persona") {
            throw reader.error(personaEntry, "unknown persona '\(personaID)'")
        }
        var transport = SIPTransportKind.udp
        if let transportEntry = try reader.entry("transport") {
            guard let kind = SIPTransportKind(token: transportEntry.value) else {
                throw reader.error(transportEntry, "'transport' must be udp, tcp or tls")
            }
            transport = kind
        }
        return URIAccount(
            aor: "sip:\(user)@\(host.text)",
            user: user,
            domain: host.text,
            authUser: try reader.string("auth-user") ?? user,
            password: try reader.string("password") ?? "",
            personaID: personaID,
            expires: try reader.integer("expires", in: 10...86_400) ?? self.personas[personaID]?.registerExpires
                ?? 3600,
            transport: transport,
            register: try reader.bool("register") ?? true
        )
    }

    /// Parses `[transport] host[:port]` (IPv6 in brackets).
    static func server(_ text: String, defaultTransport: SIPTransportKind?) -> ServerAddress? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        var transport = defaultTransport
        var hostPort = Substring(text)
        if parts.count == 2 {
            guard let kind = SIPTransportKind(token: parts[0]) else { return nil }
            transport = kind
            hostPort = parts[1]
        } else if parts.count != 1 {
            return nil
        }
        guard let transport else { return nil }
        var host: Substring
        var port = transport.defaultPort
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return nil }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let rest = hostPort[hostPort.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let value = Int(rest.dropFirst()), (0...65_535).contains(value) else { return nil }
                port = value
            } else if !rest.isEmpty {
                return nil
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            guard let value = Int(hostPort[hostPort.index(after: colon)...]), (0...65_535).contains(value) else {
                return nil
            }
            port = value
        } else {
            host = hostPort
        }
        guard !host.isEmpty, host.count <= 253,
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" })
        else { return nil }
        return ServerAddress(transport: transport, host: String(host), port: port)
    }
}
