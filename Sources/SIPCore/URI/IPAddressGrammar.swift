// IPv4 and IPv6 address syntax (RFC 3261 §25.1 as corrected by RFC 5118 §4.10; RFC 4291 §2.2).

enum IPAddressGrammar {
    /// Classifies a bracket-less host as an IPv4 address or a host name, and checks it.
    static func classify(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ sink: inout AnomalySink) -> RawURI.HostKind
    {
        if range.isEmpty { return .name }
        // A host name's last label starts with a letter; a dotted quad ends in a digit.
        if p[range.upperBound - 1].isDigit {
            if Self.isIPv4(p, range) { return .ipv4 }
            var allNumeric = true
            for i in range where !(p[i].isDigit || p[i] == .dot) {
                allNumeric = false
                break
            }
            if allNumeric {
                sink.add(.invalidHost, .error, "malformed IPv4 address \(Scan.excerpt(p, range))", at: range.lowerBound)
                return .ipv4
            }
        }
        // hostname = *( domainlabel "." ) toplabel [ "." ]; labels do not start or end with '-'.
        var labelStart = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || p[i] == .dot {
            let label = labelStart..<i
            if label.isEmpty {
                if i != range.upperBound || label.lowerBound == range.lowerBound {
                    sink.add(.invalidHost, .error, "empty label in host name", at: i)
                    return .name
                }
            } else if p[label.lowerBound] == 0x2D || p[label.upperBound - 1] == 0x2D {
                sink.add(.invalidHost, .error, "host name label starts or ends with '-'", at: label.lowerBound)
                return .name
            }
            labelStart = i + 1
        }
        return .name
    }

    /// Whether `[range]` is a dotted-quad IPv4 address with every part ≤ 255.
    static func isIPv4(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            i &+= 1
            if b == .dot {
                guard digits > 0 else { return false }
                parts += 1
                value = 0
                digits = 0
            } else if b.isDigit {
                digits &+= 1
                value = value &* 10 &+ Int(b &- .zero)
                guard digits <= 3, value <= 255 else { return false }
            } else {
                return false
            }
        }
        return parts == 3 && digits > 0
    }

    /// Whether `[range]` is an IPv6 address (RFC 4291 §2.2 text forms, with an optional trailing IPv4).
    static func isIPv6(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        var groups = 0
        var doubleColon = false
        var i = range.lowerBound
        let e = range.upperBound
        if p[i] == .colon {
            guard i + 1 < e, p[i + 1] == .colon else { return false }
            doubleColon = true
            i += 2
            if i == e { return true }
        }
        while i < e {
            // One group: 1–4 hex digits, or a trailing IPv4 address.
            var j = i
            while j < e, p[j].hexValue != nil, j - i < 5 { j += 1 }
            if j < e, p[j] == .dot {
                guard Self.isIPv4(p, i..<e) else { return false }
                groups += 2
                i = e
                break
            }
            guard j > i, j - i <= 4 else { return false }
            groups += 1
            i = j
            if i == e { break }
            guard p[i] == .colon else { return false }
            i += 1
            if i < e, p[i] == .colon {
                guard !doubleColon else { return false }
                doubleColon = true
                i += 1
                if i == e { break }
            } else if i == e {
                return false
            }
        }
        return doubleColon ? groups < 8 : groups == 8
    }

    /// Checks the inside of an IPv6 reference `[...]`.
    static func checkIPv6(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        explicitPort: Bool,
        _ sink: inout AnomalySink
    ) {
        guard Self.isIPv6(p, range) else {
            sink.add(
                .invalidIPv6Reference,
                .error,
                "malformed IPv6 address \(Scan.excerpt(p, range))",
                at: range.lowerBound
            )
            return
        }
        // RFC 5118 §4.3: "[2001:db8::10:5070]" is a legal address, but the sender probably meant a port.
        guard !explicitPort else { return }
        var lastColon = range.upperBound
        while lastColon > range.lowerBound, p[lastColon - 1] != .colon { lastColon -= 1 }
        let last = lastColon..<range.upperBound
        if last.count >= 4, case .value(let v) = Scan.number(p, last), v >= 1024, v <= 65_535,
            Scan.find(p, .colon, range.lowerBound, range.upperBound) < range.upperBound
        {
            var hasDouble = false
            for i in range.lowerBound..<(range.upperBound - 1) where p[i] == .colon && p[i + 1] == .colon {
                hasDouble = true
            }
            if hasDouble {
                sink.add(
                    .ambiguousIPv6Port,
                    .warning,
                    "last group of an IPv6 reference looks like a port",
                    at: last.lowerBound
                )
            }
        }
    }
}
