public import NIOCore
public import SIPCore
public import SIPTransport

/// Where a response goes (RFC 3261 §18.2.2 with RFC 3581) and how its top Via is annotated.
///
/// - Streams: over the connection the request came on (the transport opens a new one to the source if it
///   closed).
/// - UDP: to the packet's source address, at the source port when the top Via asks for `rport`, otherwise at
///   the sent-by port (5060 when absent). `maddr` is ignored: the honeypot never sends to a multicast group or
///   to an address the sender names; it answers where the packet came from.
/// - The top Via gets `received=<source IP>` when its sent-by host differs from the source (§18.2.1) and
///   `rport=<source port>` when it asked for rport.
public enum ResponseRouting {
    /// The target and the new text of the first Via header field (`nil`: unchanged).
    public static func route(_ request: SIPMessage, arrival: SIPArrival) -> Route {
        guard let via = request.topVia else { return Route(target: arrival.replyTarget, firstVia: nil) }
        let sourceIP = arrival.remote.ipText ?? ""
        var target = arrival.replyTarget
        if arrival.transport == .udp, case .absent = via.rport {
            let port = via.port ?? 5060
            if let address = try? SocketAddress(ipAddress: sourceIP, port: port) { target.remote = address }
        }
        var additions = ""
        if !Self.sameHost(via.host.text, sourceIP), !sourceIP.isEmpty, via.received == nil {
            additions += ";received=\(sourceIP)"
        }
        guard let field = request.headerFields.first(where: { $0.name == .via }) else {
            return Route(target: target, firstVia: nil)
        }
        let value = request.value(of: field)
        let (first, rest) = Self.splitFirstVia(value)
        var annotated = first
        if case .requested = via.rport, let port = arrival.remote.port {
            annotated = Self.fillRPort(annotated, port: port)
        }
        if additions.isEmpty && annotated == first { return Route(target: target, firstVia: nil) }
        return Route(target: target, firstVia: annotated + additions + rest)
    }

    /// Where a response goes and the annotated text of the request's first Via header field.
    public struct Route: Sendable, Hashable {
        /// The destination.
        public var target: SIPTarget
        /// The first Via header field with `received`/`rport` added; `nil` when unchanged.
        public var firstVia: String?
    }

    /// Whether a Via sent-by host (an IPv6 reference in brackets or not) is `ip`, ignoring ASCII case.
    static func sameHost(_ host: String, _ ip: String) -> Bool {
        var host = host.utf8[...]
        if host.first == UInt8(ascii: "["), host.last == UInt8(ascii: "]") { host = host.dropFirst().dropLast() }
        let ip = ip.utf8
        guard host.count == ip.count else { return false }
        return zip(host, ip).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
        }
    }

    /// The first via-parm of a Via value and the rest (starting at its comma), outside quotes and brackets.
    static func splitFirstVia(_ value: String) -> (String, String) {
        var inQuotes = false
        var inBrackets = false
        let utf8 = value.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: "[") where !inQuotes: inBrackets = true
            case UInt8(ascii: "]") where !inQuotes: inBrackets = false
            case UInt8(ascii: ",") where !inQuotes && !inBrackets:
                return (String(value[..<index]).trimmingTrailingSpaces(), String(value[index...]))
            default: break
            }
            index = utf8.index(after: index)
        }
        return (value.trimmingTrailingSpaces(), "")
    }

    /// Replaces a bare `;rport` parameter with `;rport=<port>`.
    static func fillRPort(_ via: String, port: Int) -> String {
        let bytes = Array(via.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: ";") else {
                i += 1
                continue
            }
            var start = i + 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                start += 1
            }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "=") { end += 1 }
            var nameEnd = end
            while nameEnd > start, bytes[nameEnd - 1] == UInt8(ascii: " ") || bytes[nameEnd - 1] == UInt8(ascii: "\t") {
                nameEnd -= 1
            }
            let isRPort =
                nameEnd - start == 5 && zip(bytes[start..<nameEnd], "rport".utf8).allSatisfy { ($0 | 0x20) == $1 }
            if isRPort && (end == bytes.count || bytes[end] == UInt8(ascii: ";")) {
                return String(decoding: bytes[..<start], as: UTF8.self) + "rport=\(port)"
                    + String(decoding: bytes[end...], as: UTF8.self)
            }
            i = end
        }
        return via
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
