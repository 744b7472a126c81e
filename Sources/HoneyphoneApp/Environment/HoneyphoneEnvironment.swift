public import Agent
public import SIPTransport
public import WebUI

/// The environment part of a profile (the paper's section VI-A): where the honeypot listens, who it is, which
/// URIs it registers where, and the settings of its stack, read from an `attribute: value` file.
///
/// Every key, its type and default (``HoneyphoneEnvironment/keys``):
///
/// | key | value | default |
/// | --- | --- | --- |
/// | `identity` | free text naming this honeypot in logs and status | `honeyphone` |
/// | `listen` | `udp|tcp|tls HOST:PORT` (IPv6 as `[::1]:5060`), repeatable | `udp 127.0.0.1:5060`, `tcp 127.0.0.1:5060` |
/// | `domain` | the SIP domain of the URIs | `honeyphone.invalid` |
/// | `persona` | default persona id | `linphone-android-5.2` |
/// | `persona-file` | a persona file to load (path), repeatable | — |
/// | `registrar` | `[udp|tcp] HOST[:PORT]` of the registrar (IP literal or name resolved at start) | none: no registration |
/// | `outbound-proxy` | `[udp|tcp] HOST[:PORT]`: REGISTERs go there instead | none |
/// | `dns-server` | `HOST[:PORT]` for the investigation | from `/etc/resolv.conf` |
/// | `voicemail-server` | a SIP URI (recorded, used by behaviour profiles) | none |
/// | `data-folder` | folder of the trace store and status file | `honeyphone-data` |
/// | `unknown-user-status` | status for calls to users that are not ours (`404`), or `none` | `none` |
/// | `max-dialogs` / `max-transactions` | bounds | 10000 / 100000 |
/// | `max-stateful-non-invite` | non-INVITE server transactions kept before answering statelessly | 4096 |
/// | `udp-receive-buffer` | bytes asked for | 8388608 |
/// | `tcp-max-connections` / `tcp-max-connections-per-source` | bounds | 1024 / 32 |
/// | `tcp-idle-timeout` | duration | 120s |
/// | `tls-certificate` / `tls-private-key` | PEM paths | generated in the data folder |
/// | `rtp-ports` | `LOW-HIGH` | `16384-32766` |
/// | `ring-time`, `answer`, `reject-status`, `hangup-after` | the built-in call policy | 3s, yes, 486, 30s |
/// | `web-listen` | `HOST:PORT` of the administrator interface, or `none` | `127.0.0.1:8080` |
/// | `web-admin-password` | hash from `honeyphone web-password` (`pbkdf2-sha256$…`) | generated at first start into `DATA/web-admin` |
/// | `web-api-token` | `sha256:HEX` from `honeyphone web-token`, repeatable | the one generated at first start |
/// | `web-session-idle` | duration a login lasts unused | `8h` |
/// | `uri` | `sip:USER@DOMAIN`, repeatable; indented under it: `auth-user`, `password`, `persona`, `expires`, `transport`, `register` (yes/no) | — |
/// | `event-jsonl` | `PATH [alerts]`: events as JSON lines (SentryPeer's fields), repeatable; a relative path is in the data folder | none |
/// | `event-syslog` | `udp|tcp HOST:PORT [alerts] [facility=local0]`: RFC 5424 syslog, repeatable | none |
/// | `event-webhook` | `URL [alerts]` (http/https): POST of each event, repeatable; indented under it: `header: NAME: VALUE` | none |
/// | `event-fail2ban` | `PATH`: one line per alert for a fail2ban jail (`Contrib/fail2ban`), repeatable | none |
public struct HoneyphoneEnvironment: Sendable {
    /// One URI of the honeypot.
    public struct URIAccount: Sendable, Hashable {
        public var aor: String
        public var user: String
        public var domain: String
        public var authUser: String
        public var password: String
        public var personaID: String
        public var expires: Int
        public var transport: SIPTransportKind
        public var register: Bool
    }

    /// A `[transport] host[:port]` server setting.
    public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
        public var transport: SIPTransportKind
        public var host: String
        public var port: Int
        public var description: String { "\(self.transport) \(self.host):\(self.port)" }
    }

    public var identity = "honeyphone"
    public var listen: [SIPListenAddress] = []
    public var domain = "honeyphone.invalid"
    public var personaID = Persona.defaultID
    public var personas: [String: Persona] = Persona.builtIn
    public var registrar: ServerAddress?
    public var outboundProxy: ServerAddress?
    public var dnsServer: String?
    public var voicemailServer: String?
    public var dataFolder = "honeyphone-data"
    public var unknownUserStatus: Int?
    public var maximumDialogs = 10_000
    public var maximumTransactions = 100_000
    /// Non-INVITE server transactions kept before further non-INVITE requests are answered statelessly.
    public var maximumStatefulNonInvite = 4_096
    public var udpReceiveBuffer = 8 << 20
    public var tcpMaximumConnections = 1_024
    public var tcpMaximumConnectionsPerSource = 32
    public var tcpIdleTimeout: Duration = .seconds(120)
    public var tlsCertificate: String?
    public var tlsPrivateKey: String?
    public var rtpPorts: ClosedRange<UInt16> = 16_384...32_766
    public var policy = BuiltInCallPolicy.Settings()
    public var accounts: [URIAccount] = []
    /// The administrator interface, `nil` with `web-listen: none`.
    public var web: WebConfiguration? = WebConfiguration()
    /// The event sinks (`event-*` keys), in file order.
    public var eventSinks: [EventSinkSetting] = []

    /// The keys of the file.
    public static let keys: Set<String> = [
        "identity", "listen", "domain", "persona", "persona-file", "registrar", "outbound-proxy", "dns-server",
        "voicemail-server", "data-folder", "unknown-user-status", "max-dialogs", "max-transactions",
        "max-stateful-non-invite",
        "udp-receive-buffer", "tcp-max-connections", "tcp-max-connections-per-source", "tcp-idle-timeout",
        "tls-certificate", "tls-private-key", "rtp-ports", "ring-time", "answer", "reject-status", "hangup-after",
        "uri", "web-listen", "web-admin-password", "web-api-token", "web-session-idle",
        "event-jsonl", "event-syslog", "event-webhook", "event-fail2ban",
    ]

    /// The keys under a `uri:` line.
    public static let uriKeys: Set<String> = ["auth-user", "password", "persona", "expires", "transport", "register"]

    /// The environment `swift run honeyphone run` uses without a file: loopback, UDP and TCP on 5060, three
    /// URIs, no registrar, the trace store in `honeyphone-data/`.
    public static let defaultText = """
        # Honeyphone default environment: loopback only, no registrar.
        identity: honeyphone-default
        listen: udp 127.0.0.1:5060
        listen: tcp 127.0.0.1:5060
        domain: honeyphone.invalid
        persona: linphone-android-5.2
        data-folder: honeyphone-data
        ring-time: 3s
        answer: yes
        hangup-after: 30s
        uri: sip:1001@honeyphone.invalid
          password: not-a-real-password-1001
        uri: sip:1002@honeyphone.invalid
          password: not-a-real-password-1002
          persona: yealink-t27g-69.86
        uri: sip:1003@honeyphone.invalid
          password: not-a-real-password-1003
          persona: asterisk-pjsip-18
        """
}

/// An error whose text is a `file:line:column: message` settings error.
public protocol SettingsErrorDescribing: Error {
    /// The description printed to the user.
    var settingsDescription: String { get }
}

extension SettingsError: SettingsErrorDescribing {
    public var settingsDescription: String { self.description }
}
