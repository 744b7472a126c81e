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
        guard let via = request.topViaSummary else { return Route(target: arrival.replyTarget, firstVia: nil) }
        let sourceIP = arrival.remote.ipText ?? ""
        var target = arrival.replyTarget
        if arrival.transport == .udp, case .absent = via.rport {
            let port = via.port ?? 5060
            if let address = try? SocketAddress(ipAddress: sourceIP, port: port) { target.remote = address }
        }
        let received = !Self.sameHost(via.host.text, sourceIP) && !sourceIP.isEmpty && via.received == nil
        var rport: Int?
        if case .requested = via.rport { rport = arrival.remote.port }
        guard received || rport != nil, let field = request.headerFields.first(where: { $0.name == .via }) else {
            return Route(target: target, firstVia: nil)
        }
        let annotated = Self.annotateFirstVia(
            request.value(of: field),
            rport: rport,
            received: received ? sourceIP : nil
        )
        return Route(target: target, firstVia: annotated)
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

    /// The Via header field `value` with its first via-parm annotated: a bare `;rport` becomes `;rport=<rport>`
    /// and `;received=<received>` is appended, the rest of the field (from the comma of a second via-parm, outside
    /// quotes and brackets) kept as it was. `nil` when nothing changes. One pass over the bytes, one allocation.
    static func annotateFirstVia(_ value: String, rport: Int?, received: String?) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            var firstEnd = bytes.count
            var inQuotes = false
            var inBrackets = false
            scan: for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\""): inQuotes.toggle()
                case UInt8(ascii: "[") where !inQuotes: inBrackets = true
                case UInt8(ascii: "]") where !inQuotes: inBrackets = false
                case UInt8(ascii: ",") where !inQuotes && !inBrackets:
                    firstEnd = index
                    break scan
                default: break
                }
            }
            let restStart = firstEnd
            while firstEnd > 0, bytes[firstEnd - 1] == UInt8(ascii: " ") || bytes[firstEnd - 1] == UInt8(ascii: "\t") {
                firstEnd -= 1
            }
            let bare = rport == nil ? nil : Self.bareRPort(in: UnsafeBufferPointer(rebasing: bytes[..<firstEnd]))
            guard bare != nil || received != nil else { return nil }
            let portText = bare == nil ? "" : "rport=\(rport ?? 0)"
            let receivedText = received.map { ";received=\($0)" } ?? ""
            let capacity = bytes.count + portText.utf8.count + receivedText.utf8.count
            return String(unsafeUninitializedCapacity: capacity) { out in
                var written = 0
                func write(_ slice: UnsafeBufferPointer<UInt8>.SubSequence) {
                    for byte in slice {
                        out[written] = byte
                        written += 1
                    }
                }
                func write(_ text: String) {
                    for byte in text.utf8 {
                        out[written] = byte
                        written += 1
                    }
                }
                if let bare {
                    write(bytes[..<bare.lowerBound])
                    write(portText)
                    write(bytes[bare.upperBound..<firstEnd])
                } else {
                    write(bytes[..<firstEnd])
                }
                write(receivedText)
                write(bytes[restStart...])
                return written
            }
        }
    }

    /// The range of a bare `rport` parameter name (no value) in a via-parm, ASCII case ignored.
    static func bareRPort(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
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
            if isRPort && (end == bytes.count || bytes[end] == UInt8(ascii: ";")) { return start..<end }
            i = end
        }
        return nil
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
