import Recon

/// The objects of a lab WHOIS server and the answer to a query (see `main.swift`).
struct LabWHOISDatabase: Sendable {
    struct Range: Sendable {
        var low: UInt32
        var high: UInt32
        var text: String
    }

    var ranges: [Range] = []
    var named: [String: String] = [:]

    var objectCount: Int { self.ranges.count + self.named.count }

    init(text: String) {
        let normalized = text.split(separator: "\n", omittingEmptySubsequences: false)
        var block: [Substring] = []
        func flush() {
            defer { block = [] }
            guard let first = block.first(where: { !$0.hasPrefix("%") && !$0.hasPrefix("#") }) else { return }
            let body = block.joined(separator: "\n") + "\n"
            guard let colon = first.firstIndex(of: ":") else { return }
            let key = first[..<colon].lowercased()
            let value = first[first.index(after: colon)...].trimmingSpaces()
            switch key {
            case "inetnum":
                let ends = value.split(separator: "-").map { $0.trimmingSpaces() }
                guard ends.count == 2, let low = Self.ipv4(ends[0]), let high = Self.ipv4(ends[1]) else { return }
                self.ranges.append(Range(low: low, high: high, text: body))
            default:
                self.named[value.lowercased()] = body
            }
        }
        for line in normalized {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { flush() } else { block.append(line) }
        }
        flush()
    }

    /// The answer: the smallest range containing an IPv4 query, else the named object, else an error.
    func answer(_ query: String) -> String {
        let trimmed = query.trimmingSpaces()
        if let address = Self.ipv4(trimmed) {
            let best = self.ranges.filter { $0.low <= address && address <= $0.high }.min {
                $0.high &- $0.low < $1.high &- $1.low
            }
            if let best { return best.text }
        } else if let object = self.named[trimmed.lowercased()] {
            return object
        } else if let dot = trimmed.lastIndex(of: "."),
            let object = self.named[trimmed[trimmed.index(after: dot)...].lowercased()]
        {
            // Like IANA's server: a domain unknown here is answered by its top-level domain's object.
            return object
        }
        return "%ERROR:101: no entries found\n"
    }

    static func ipv4(_ text: String) -> UInt32? {
        guard let address = IPAddress(text), address.isIPv4 else { return nil }
        return address.bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" || first == "\r" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return String(view)
    }
}
