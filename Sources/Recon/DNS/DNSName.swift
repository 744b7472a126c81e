/// A domain name as a list of labels (raw bytes), compared case-insensitively (RFC 4343).
///
/// Names decoded from the wire may hold any bytes; ``description`` escapes them (`\DDD`). Names built
/// from text go through ``init(validating:limits:)``, the gate every attacker-derived host name passes
/// before Recon sends a query for it.
public struct DNSName: Hashable, Sendable, CustomStringConvertible {
    /// The labels, without the root's empty label.
    public private(set) var labels: [[UInt8]]

    /// Creates a name from labels without validation (used by the decoder; labels are ≤ 63 bytes there).
    public init(labels: [[UInt8]]) {
        self.labels = labels
    }

    /// The root name (no labels).
    public static let root = DNSName(labels: [])

    /// Parses and validates a host name given as text (from a SIP message, a configuration, a test).
    ///
    /// Accepts letters, digits, `-` and `_` (for `_sip._udp` service labels) in labels of 1–63 bytes, a
    /// total of at most ``HostNameLimits/maximumLength`` characters, and one optional trailing dot.
    /// Rejects everything else, including empty labels, spaces, escapes, non-ASCII and IP literals
    /// in brackets.
    public init(validating text: some StringProtocol, limits: HostNameLimits = .init()) throws(DNSError) {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "."), bytes.count > 1 { bytes.removeLast() }
        guard !bytes.isEmpty else { throw .invalidInput("empty host name") }
        guard bytes.count <= limits.maximumLength else {
            throw .invalidInput("host name of \(bytes.count) characters exceeds \(limits.maximumLength)")
        }
        var labels: [[UInt8]] = []
        var current: [UInt8] = []
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ".") {
                guard !current.isEmpty else { throw .invalidInput("empty label", offset: offset) }
                labels.append(current)
                current = []
                continue
            }
            guard Self.isHostNameByte(byte) else {
                throw .invalidInput("character \(byte) not allowed in a host name", offset: offset)
            }
            current.append(byte)
            guard current.count <= limits.maximumLabelLength else {
                throw .invalidInput("label longer than \(limits.maximumLabelLength)", offset: offset)
            }
        }
        guard !current.isEmpty else { throw .invalidInput("empty label", offset: bytes.count) }
        labels.append(current)
        self.labels = labels
    }

    /// The name with `other`'s labels appended (`a.b` + `c.d` = `a.b.c.d`).
    public func appending(_ other: DNSName) -> DNSName {
        DNSName(labels: self.labels + other.labels)
    }

    /// The name with `label` prepended.
    public func prepending(_ label: some StringProtocol) -> DNSName {
        DNSName(labels: [Array(label.utf8)] + self.labels)
    }

    /// The length of the name in wire format (labels, length bytes and the root byte).
    public var wireLength: Int {
        self.labels.reduce(1) { $0 + 1 + $1.count }
    }

    /// Whether this name ends with `suffix` (case-insensitively).
    public func isSubdomain(of suffix: DNSName) -> Bool {
        guard suffix.labels.count <= self.labels.count else { return false }
        return zip(self.labels.suffix(suffix.labels.count), suffix.labels).allSatisfy {
            Self.equalFolded($0.0, $0.1)
        }
    }

    public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
        lhs.labels.count == rhs.labels.count && zip(lhs.labels, rhs.labels).allSatisfy { Self.equalFolded($0.0, $0.1) }
    }

    public func hash(into hasher: inout Hasher) {
        for label in self.labels {
            hasher.combine(label.count)
            for byte in label { hasher.combine(Self.fold(byte)) }
        }
    }

    /// The presentation form, without the trailing dot; unusual bytes escaped as `\DDD`, dots in labels as `\.`.
    public var description: String {
        guard !self.labels.isEmpty else { return "." }
        return self.labels.map { label in
            var text = ""
            for byte in label {
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "\\") {
                    text += "\\" + String(UnicodeScalar(byte))
                } else if byte > 0x20, byte < 0x7F {
                    text.unicodeScalars.append(UnicodeScalar(byte))
                } else {
                    let digits = String(byte)
                    text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
                }
            }
            return text
        }.joined(separator: ".")
    }

    static func isHostNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func equalFolded(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { Self.fold($0.0) == Self.fold($0.1) }
    }
}

/// Limits applied to host names before they are queried (RFC 1035 §2.3.4, RFC 1123 §2.1).
public struct HostNameLimits: Hashable, Sendable {
    /// Most characters in the text form, without a trailing dot. Default 253.
    public var maximumLength: Int
    /// Most bytes in one label. Default 63.
    public var maximumLabelLength: Int

    /// Creates limits; the defaults are the RFC maxima.
    public init(maximumLength: Int = 253, maximumLabelLength: Int = 63) {
        self.maximumLength = min(maximumLength, 253)
        self.maximumLabelLength = min(maximumLabelLength, 63)
    }
}
