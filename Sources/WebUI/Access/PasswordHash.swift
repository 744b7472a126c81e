import Crypto
public import Foundation
import _CryptoExtras

/// A stored password: PBKDF2-HMAC-SHA256 with a random salt, written `pbkdf2-sha256$ROUNDS$SALT$HASH` (salt and
/// hash in base64). Verification compares in constant time.
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    /// Rounds for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (and swift-crypto's minimum).
    public static let defaultRounds = 600_000
    /// The fewest rounds accepted when reading a hash.
    public static let minimumRounds = 210_000
    /// The most rounds accepted when reading a hash (a login must not take minutes).
    public static let maximumRounds = 10_000_000

    public let rounds: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Hashes `password` with a fresh 16-byte salt.
    public init(password: String, rounds: Int = Self.defaultRounds) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.rounds = rounds
        self.salt = salt
        self.hash = try Self.derive(password, salt: salt, rounds: rounds)
    }

    /// Reads the text form; `nil` when it is not one (wrong prefix, bad base64, rounds out of range).
    public init?(text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
            (Self.minimumRounds...Self.maximumRounds).contains(rounds),
            let salt = Data(base64Encoded: String(parts[2])), salt.count >= 8,
            let hash = Data(base64Encoded: String(parts[3])), hash.count == 32
        else { return nil }
        self.rounds = rounds
        self.salt = [UInt8](salt)
        self.hash = [UInt8](hash)
    }

    /// The text form.
    public var description: String {
        "pbkdf2-sha256$\(self.rounds)$\(Data(self.salt).base64EncodedString())$\(Data(self.hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed (at most 1,024 bytes of it are considered).
    public func verify(_ password: String) -> Bool {
        guard password.utf8.count <= 1_024,
            let candidate = try? Self.derive(password, salt: self.salt, rounds: self.rounds)
        else { return false }
        return ConstantTime.equal(candidate, self.hash)
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8),
            salt: salt,
            using: .sha256,
            outputByteCount: 32,
            rounds: rounds
        )
        return key.withUnsafeBytes { Array($0) }
    }
}

/// The SHA-256 digest of a bearer token, written `sha256:HEX`. Tokens are 256-bit random strings, so a fast
/// hash is enough; comparison is constant-time.
public struct TokenDigest: Sendable, Hashable, CustomStringConvertible {
    public let digest: [UInt8]

    /// The digest of `token`.
    public init(token: String) {
        self.digest = Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// Reads `sha256:HEX` (64 hex digits).
    public init?(text: String) {
        guard text.hasPrefix("sha256:") else { return nil }
        let hex = Array(text.utf8.dropFirst(7))
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < 64 {
            guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.digest = bytes
    }

    /// The text form.
    public var description: String {
        "sha256:"
            + self.digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }

    /// Whether `token` hashes to this digest.
    public func matches(_ token: String) -> Bool {
        guard token.utf8.count <= 1_024 else { return false }
        return ConstantTime.equal(Array(SHA256.hash(data: Array(token.utf8))), self.digest)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Comparison that takes the same time whatever the bytes.
enum ConstantTime {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Random secrets: session ids, CSRF tokens, generated passwords and API tokens.
public enum Secrets {
    /// `count` random bytes as unpadded base64url.
    public static func token(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A password of `length` characters from an alphabet without look-alikes (about 5 bits each).
    public static func password(length: Int = 20) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
