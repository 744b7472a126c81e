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
    public static func route(_ request: SIPMessage, arrival: SIPArrival) -> (target: SIPTarget, firstVia: String?) {
        guard let via = request.topVia else { return (arrival.replyTarget, nil) }
        let sourceIP = arrival.remote.ipAddress ?? ""
        var target = arrival.replyTarget
        if arrival.transport == .udp, case .absent = via.rport {
            let port = via.port ?? 5060
            if let address = try? SocketAddress(ipAddress: sourceIP, port: port) { target.remote = address }
        }
        var additions = ""
        let hostText = via.host.text.trimmingCharacters(in: "[]")
        if hostText.lowercased() != sourceIP.lowercased(), !sourceIP.isEmpty, via.received == nil {
            additions += ";received=\(sourceIP)"
        }
        guard let field = request.headerFields.first(where: { $0.name == .via }) else { return (target, nil) }
        let value = request.value(of: field)
        let (first, rest) = Self.splitFirstVia(value)
        var annotated = first
        if case .requested = via.rport, let port = arrival.remote.port {
            annotated = Self.fillRPort(annotated, port: port)
        }
        if additions.isEmpty && annotated == first { return (target, nil) }
        return (target, annotated + additions + rest)
    }

    /// The first via-parm of a Via value and the rest (starting at its comma), outside quotes and brackets.
    static func splitFirstVia(_ value: String) -> (String, String) {
        var inQuotes = false
        var inBrackets = false
        var index = value.startIndex
        while index < value.endIndex {
            let c = value[index]
            switch c {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "," where !inQuotes && !inBrackets:
                return (String(value[..<index]).trimmingTrailingSpaces(), String(value[index...]))
            default: break
            }
            index = value.index(after: index)
        }
        return (value.trimmingTrailingSpaces(), "")
    }

    /// Replaces a bare `;rport` parameter with `;rport=<port>`.
    static func fillRPort(_ via: String, port: Int) -> String {
        var parts = via.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        for i in parts.indices.dropFirst() where parts[i].trimmingCharacters(in: " \t").lowercased() == "rport" {
            parts[i] = "rport=\(port)"
        }
        return parts.joined(separator: ";")
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
