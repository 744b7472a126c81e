import Storage

/// RFC 5424 syslog messages for events: header fields bounded and printable, the event's facts as structured data
/// with escaped values, and a short message of closed-set words only.
///
/// ```
/// <164>1 2026-12-05T10:00:00.123456Z honeypot-3 honeyphone 4242 alert [honeyphone@32473 event_uuid="…" verdict="Crafted"
///   belief="0.93" alert="true" source_ip="198.51.100.7" source_port="5060" transport="udp" method="INVITE" …] alert Crafted 0.93 INVITE from 198.51.100.7
/// ```
///
/// - PRI (§6.2.1): facility × 8 + severity; severity warning (4) for alerts, informational (6) otherwise.
/// - Header fields (§6.2): printable US-ASCII (33–126) only, anything else replaced by `_`, bounded to HOSTNAME 255,
///   APP-NAME 48, PROCID 128, MSGID 32 characters; an empty field is the NILVALUE `-`.
/// - Structured data (§6.3): one element, SD-ID `honeyphone@32473` (32473 is the enterprise number RFC 5612 reserves
///   for documentation: replace it with your own for production collectors if they insist). PARAM-VALUEs escape `"`,
///   `\` and `]` with a backslash (§6.3.3); control characters become `?`; each value is cut at 256 bytes. Wire text
///   (Call-ID, called number, User-Agent) comes last, and a parameter that would take the message past
///   ``maximumLength`` is left out, so the bound holds without cutting inside an escape.
/// - MSG (§6.4): ASCII words from closed sets (verdict token, belief, method or `other`, validated address), no BOM.
public struct SyslogMessage: Sendable {
    /// Syslog facilities (RFC 5424 Table 1).
    public enum Facility: Int, Sendable, Hashable, CaseIterable {
        case kern = 0
        case user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp, audit, alert, clock
        case local0, local1, local2, local3, local4, local5, local6, local7

        /// Parses a facility name (`local0`, `daemon`, …).
        public init?(name: String) {
            guard let facility = Self.allCases.first(where: { "\($0)" == name }) else { return nil }
            self = facility
        }
    }

    /// The SD-ID of the structured data element.
    public static let structuredDataID = "honeyphone@32473"
    /// The most bytes of one PARAM-VALUE before escaping.
    public static let maximumValueBytes = 256

    /// The facility.
    public var facility: Facility
    /// HOSTNAME.
    public var hostname: String
    /// APP-NAME.
    public var appName: String
    /// PROCID.
    public var processID: String
    /// The most bytes of a whole message (RFC 5426 §3.2: receivers must take 480 bytes over IPv4 and should take
    /// 2,048; the default).
    public var maximumLength: Int

    /// A formatter.
    public init(
        facility: Facility = .local0,
        hostname: String,
        appName: String = "honeyphone",
        processID: String,
        maximumLength: Int = 2_048
    ) {
        self.facility = facility
        self.hostname = hostname
        self.appName = appName
        self.processID = processID
        self.maximumLength = max(480, maximumLength)
    }

    /// The message for `event`.
    public func format(_ event: HoneyphoneEvent) -> String {
        let severity = event.alert ? 4 : 6
        let source = IPAddress(event.source.address).map { "\($0)" }
        let method = Fail2banLine.method(event.method)
        let verdict = Fail2banLine.token(event.verdict)
        let belief = Fail2banLine.fixed2(event.belief)
        let header =
            "<\(self.facility.rawValue * 8 + severity)>1 "
            + UTCTime.rfc3339Microseconds(event.timestamp.nanosecondsSinceEpoch) + " "
            + Self.headerField(self.hostname, 255) + " " + Self.headerField(self.appName, 48) + " "
            + Self.headerField(self.processID, 128) + " " + (event.alert ? "alert" : "verdict")
        let message =
            (event.alert ? "alert " : "verdict ") + verdict + " " + belief + " " + method + " from "
            + (source ?? "unknown")
        var parameters: [(String, String)] = [
            ("event_uuid", event.uuid), ("verdict", verdict), ("belief", belief),
            ("alert", event.alert ? "true" : "false"), ("source_ip", source ?? "unknown"),
            ("source_port", String(event.source.port)), ("transport", event.transport.rawValue), ("method", method),
        ]
        if let destination = event.destination, let address = IPAddress(destination.address) {
            parameters.append(("destination_ip", "\(address)"))
            parameters.append(("destination_port", String(destination.port)))
        }
        if !event.attacks.isEmpty { parameters.append(("attacks", event.attacks.joined(separator: ","))) }
        parameters.append(("node_id", event.nodeID))
        if let callID = event.callID { parameters.append(("call_id", callID)) }
        if let number = event.calledNumber { parameters.append(("called_number", number)) }
        if let userAgent = event.userAgent { parameters.append(("user_agent", userAgent)) }

        var structured = "[" + Self.structuredDataID
        let fixed = header.utf8.count + 1 + 1 + 1 + message.utf8.count  // " " + "]" + " "
        for (name, value) in parameters {
            let item = " " + name + "=\"" + Self.escapeValue(value) + "\""
            if fixed + structured.utf8.count + item.utf8.count <= self.maximumLength {
                structured += item
            }
        }
        structured += "]"
        return header + " " + structured + " " + message
    }

    /// A header field: printable US-ASCII only (others become `_`), at most `limit` characters, `-` when empty.
    static func headerField(_ text: String, _ limit: Int) -> String {
        var result = ""
        for byte in text.utf8.prefix(limit) {
            result.unicodeScalars.append((33...126).contains(byte) ? Unicode.Scalar(byte) : "_")
        }
        return result.isEmpty ? "-" : result
    }

    /// A PARAM-VALUE (§6.3.3): `"`, `\` and `]` escaped, control characters as `?`, cut at
    /// ``maximumValueBytes`` bytes before escaping.
    static func escapeValue(_ text: String) -> String {
        var result = ""
        for scalar in truncatedUTF8(text, maxBytes: Self.maximumValueBytes).unicodeScalars {
            switch scalar {
            case "\"", "\\", "]":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    result += "?"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
