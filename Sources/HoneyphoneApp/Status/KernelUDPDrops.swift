import Foundation

/// Datagrams the kernel dropped because a UDP socket's receive buffer was full: the `drops` column of
/// `/proc/net/udp` and `/proc/net/udp6` (Linux), for the honeypot's UDP sockets. A flood beyond what the
/// honeypot can read is then counted in `honeyphone status`, never silent.
enum KernelUDPDrops {
    /// The drops of the sockets bound to these `(IP text, port)` pairs; `nil` where `/proc` is not readable.
    static func count(boundTo sockets: [(address: String, port: Int)]) -> Int? {
        var total = 0
        var readAny = false
        for file in ["/proc/net/udp", "/proc/net/udp6"] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            readAny = true
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 13, let drops = Int(fields[12]) else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, let port = Int(local[1], radix: 16) else { continue }
                let matches = sockets.contains { socket in
                    guard socket.port == port else { return false }
                    guard let hex = Self.ipv4Hex(socket.address) else { return local[0].count == 32 }
                    return local[0] == hex || local[0] == "00000000"
                }
                if matches { total += drops }
            }
        }
        return readAny ? total : nil
    }

    /// `/proc/net/udp`'s spelling of an IPv4 address: the four bytes in host (little-endian) order, in hex.
    static func ipv4Hex(_ address: String) -> String? {
        let parts = address.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return nil }
        return parts.reversed().map { String(format: "%02X", $0) }.joined()
    }
}
