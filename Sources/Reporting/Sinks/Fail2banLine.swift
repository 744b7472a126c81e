import Storage

/// The fail2ban line of an alert, in a fixed, regex-friendly format:
///
/// ```
/// 2026-12-05T10:00:00Z honeyphone[4242]: alert verdict=Crafted belief=0.93 source=198.51.100.7 port=5060 transport=udp method=INVITE
/// ```
///
/// No attacker text reaches the line: the source is a parsed ``IPAddress`` in canonical form (an event whose
/// source does not parse has no line), the verdict is a model state name of at most 32 letters, digits, `_` or `-`
/// (else `other`), the method one of the RFC methods in ``methods`` (else `other`), the transport one of
/// ``TraceTransport``'s, the belief a fixed two-decimal number. The shipped filter
/// (`Contrib/fail2ban/filter.d/honeyphone.conf`) matches it with `<ADDR>` on `source=`.
public enum Fail2banLine {
    /// The methods written as they are; any other is written `other`.
    public static let methods: Set<String> = [
        "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO",
        "REFER", "MESSAGE", "UPDATE",
    ]

    /// The line (without line break) for `event`, or `nil` when its source is not an IP address.
    public static func line(_ event: HoneyphoneEvent, processID: Int32) -> String? {
        guard let source = IPAddress(event.source.address) else { return nil }
        return UTCTime.rfc3339Seconds(event.timestamp.nanosecondsSinceEpoch) + " honeyphone[\(processID)]: "
            + (event.alert ? "alert" : "verdict") + " verdict=" + Self.token(event.verdict) + " belief="
            + Self.fixed2(event.belief) + " source=\(source) port=\(event.source.port) transport="
            + event.transport.rawValue + " method=" + Self.method(event.method)
    }

    /// `method` if it is one of ``methods``, else `other`.
    public static func method(_ method: String?) -> String {
        guard let method, Self.methods.contains(method) else { return "other" }
        return method
    }

    /// `text` if it is 1–32 ASCII letters, digits, `_` or `-`, else `other`.
    public static func token(_ text: String) -> String {
        guard (1...32).contains(text.utf8.count),
            text.utf8.allSatisfy({
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F
                    || $0 == 0x2D
            })
        else { return "other" }
        return text
    }

    /// `0.93`: two decimals, clamped to [0, 1], `0.00` for NaN.
    public static func fixed2(_ value: Double) -> String {
        let clamped = value.isNaN ? 0 : min(1, max(0, value))
        let hundredths = Int((clamped * 100).rounded())
        return "\(hundredths / 100)." + UTCTime.padded(hundredths % 100, 2)
    }
}
