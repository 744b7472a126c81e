/// The parts of `/etc/resolv.conf` (resolv.conf(5)) that the DNS client uses.
///
/// Reads `nameserver` lines (IPv4 or IPv6; a `%zone` suffix is dropped, anything unparsable is skipped
/// and counted) and `options timeout:N attempts:N`. Everything else (search, domain, sortlist) is ignored.
public struct ResolvConf: Hashable, Sendable {
    /// The name servers in file order (glibc uses at most 3; so do we).
    public var nameservers: [IPAddress]
    /// `options timeout:N` in seconds, capped at 30 (resolv.conf(5)).
    public var timeoutSeconds: Int?
    /// `options attempts:N`, capped at 5 (resolv.conf(5)).
    public var attempts: Int?
    /// Lines that looked like settings but could not be understood.
    public var skippedLines: Int

    /// The path read by default.
    public static let defaultPath = "/etc/resolv.conf"
    /// The most name servers kept (glibc's MAXNS).
    public static let maximumNameservers = 3

    /// Creates a configuration.
    public init(nameservers: [IPAddress] = [], timeoutSeconds: Int? = nil, attempts: Int? = nil, skippedLines: Int = 0)
    {
        self.nameservers = nameservers
        self.timeoutSeconds = timeoutSeconds
        self.attempts = attempts
        self.skippedLines = skippedLines
    }

    /// Parses the text of a resolv.conf file. Lines over 1024 bytes and files over 64 KiB are cut.
    public static func parse(_ text: String) -> ResolvConf {
        var conf = ResolvConf()
        for rawLine in text.utf8.prefix(65_536).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = rawLine.prefix(1024)
            if let comment = line.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: ";") }) {
                line = line[..<comment]
            }
            let words = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "nameserver":
                guard words.count >= 2 else {
                    conf.skippedLines += 1
                    continue
                }
                let host = words[1].split(separator: "%", maxSplits: 1).first.map(String.init) ?? words[1]
                if let address = IPAddress(host), conf.nameservers.count < Self.maximumNameservers {
                    conf.nameservers.append(address)
                } else if IPAddress(host) == nil {
                    conf.skippedLines += 1
                }
            case "options":
                for option in words.dropFirst() {
                    if option.hasPrefix("timeout:"), let value = Int(option.dropFirst(8)), value >= 0 {
                        conf.timeoutSeconds = min(max(value, 1), 30)
                    } else if option.hasPrefix("attempts:"), let value = Int(option.dropFirst(9)), value >= 0 {
                        conf.attempts = min(max(value, 1), 5)
                    }
                }
            default:
                continue
            }
        }
        return conf
    }

    /// Reads and parses a file; a missing or unreadable file gives an empty configuration.
    public static func load(path: String = ResolvConf.defaultPath) async -> ResolvConf {
        guard let bytes = try? await ReconFile.readAll(path: path, maximumBytes: 65_536) else { return ResolvConf() }
        return Self.parse(String(decoding: bytes, as: UTF8.self))
    }
}
