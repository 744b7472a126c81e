#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Normalises attacker text before it is stored.
///
/// Two rules, applied by every ``TraceRecord`` initializer so that a stored record reads back equal:
/// - at most `maxUTF8` UTF-8 bytes are kept, cut at a Unicode scalar boundary;
/// - U+0000 (NUL) becomes U+FFFD: SQLite's text binding in GRDB and PostgreSQL's `text` both end a string
///   at NUL, which would silently truncate it. The exact bytes, NULs included, are always in
///   ``TraceRecord/raw``.
enum TraceText {
    /// `text` bounded to `maxUTF8` bytes, with NUL replaced.
    static func bounded(_ text: String, maxUTF8: Int = TraceLimits.maxFieldLength) -> String {
        let utf8 = text.utf8
        if utf8.count <= maxUTF8, !Self.containsNUL(utf8) {
            return text
        }
        var result = ""
        result.reserveCapacity(min(utf8.count, maxUTF8))
        var used = 0
        for scalar in text.unicodeScalars {
            let replaced: Unicode.Scalar = scalar.value == 0 ? "\u{FFFD}" : scalar
            let width = replaced.utf8.count
            if used + width > maxUTF8 { break }
            used += width
            result.unicodeScalars.append(replaced)
        }
        return result
    }

    /// `text` bounded, or `nil`.
    /// Whether `utf8` holds a NUL byte: `memchr` over a native string's contiguous bytes (a verdict's JSON is
    /// kilobytes, and every record checks it), byte by byte otherwise.
    private static func containsNUL(_ utf8: String.UTF8View) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
        return found ?? utf8.contains(0)
    }

    static func bounded(_ text: String?, maxUTF8: Int = TraceLimits.maxFieldLength) -> String? {
        text.map { Self.bounded($0, maxUTF8: maxUTF8) }
    }
}
