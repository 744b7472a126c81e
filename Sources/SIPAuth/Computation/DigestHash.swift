import Crypto

/// The hash step of RFC 7616 §3.4: `H(data)` as lowercase hex, over the UTF-8 bytes of `:`-joined parts.
enum DigestHash {
    /// `H(parts[0] ":" parts[1] ":" …)` in lowercase hex.
    static func hex(_ function: DigestAlgorithm.HashFunction, _ parts: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ":")) }
            bytes.append(contentsOf: part.utf8)
        }
        return Self.hex(function, bytes: bytes)
    }

    /// `H(bytes)` in lowercase hex.
    static func hex(_ function: DigestAlgorithm.HashFunction, bytes: [UInt8]) -> String {
        switch function {
        case .md5:
            var hasher = Insecure.MD5()
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            return Self.lowercaseHex(hasher.finalize())
        case .sha256:
            var hasher = SHA256()
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            return Self.lowercaseHex(hasher.finalize())
        case .sha512_256:
            return Self.lowercaseHex(SHA512t256.hash(bytes))
        }
    }

    /// Hex digits, lowercase (RFC 7616 §3.4: LHEX).
    static func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
        var result: [UInt8] = []
        for byte in bytes {
            result.append(Self.digits[Int(byte >> 4)])
            result.append(Self.digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Compares our lowercase hex `expected` with a received response in time that depends only on the lengths.
    ///
    /// The received text is lowered first (RFC 7616 asks for LHEX, some clients send upper case); that step
    /// depends only on the received bytes, never on the expected ones.
    static func constantTimeEquals(_ expected: String, _ received: String) -> Bool {
        let a = Array(expected.utf8)
        let b = Array(received.lowercased().utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)
}
