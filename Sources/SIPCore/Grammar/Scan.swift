// Low-level scanning over the message bytes. Every function takes the message's bytes, an index and an end,
// and returns a new index; none reads outside `[i, end)`. Offsets are from the start of the message, so
// ranges found here are the ranges the message stores.

enum Scan {
    /// Skips LWS (SP, HTAB and the CRLF of a folded line: inside a header value they are all white space).
    @inlinable @inline(__always)
    static func lws(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end {
            let b = p[i]
            guard b == .sp || b == .htab || b == .cr || b == .lf else { break }
            i &+= 1
        }
        return i
    }

    /// Index after the run of bytes in `cls` starting at `i`.
    @inlinable @inline(__always)
    static func run(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int, _ cls: CharClass) -> Int {
        var i = i
        while i < end, CharClass.of(p[i]) & cls.rawValue != 0 { i &+= 1 }
        return i
    }

    /// Index after a token starting at `i` (equal to `i` when there is none).
    @inlinable @inline(__always)
    static func token(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int { run(p, i, end, .token) }

    /// `end` with trailing LWS removed, not going below `start`.
    @inlinable @inline(__always)
    static func trimTrailing(_ p: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let b = p[e - 1]
            guard b == .sp || b == .htab || b == .cr || b == .lf else { break }
            e &-= 1
        }
        return e
    }

    /// First index of `byte` in `[i, end)`, or `end`.
    @inlinable @inline(__always)
    static func find(_ p: UnsafeRawBufferPointer, _ byte: UInt8, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, p[i] != byte { i &+= 1 }
        return i
    }

    /// Scans a quoted string whose opening quote is at `i`.
    /// - Returns: the index after the closing quote, or `nil` when it is not closed before `end`.
    @inlinable @inline(__always)
    static func quoted(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int? {
        var i = i + 1
        while i < end {
            let b = p[i]
            if b == .dquote { return i + 1 }
            if b == .backslash { i += 2 } else { i += 1 }
        }
        return nil
    }

    /// Parses `[i, end)` as decimal digits.
    @inlinable @inline(__always)
    static func number(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Number {
        if range.isEmpty { return .invalid }
        var value: UInt64 = 0
        var overflow = false
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            i &+= 1
            guard b.isDigit else { return .invalid }
            if !overflow {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(b - .zero))
                if o1 || o2 { overflow = true } else { value = a }
            }
        }
        return overflow ? .overflow : .value(value)
    }

    /// The result of ``number(_:_:)``.
    enum Number: Equatable {
        case value(UInt64)
        case overflow
        case invalid
    }

    /// Case-insensitive comparison of `[range]` with an ASCII literal given in lower case.
    @inlinable @inline(__always)
    static func equalsLower(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ lower: StaticString) -> Bool {
        guard range.count == lower.utf8CodeUnitCount else { return false }
        let l = lower.utf8Start
        if range.isEmpty { return true }
        if p[range.lowerBound] | 0x20 != l[0] | 0x20 { return false }
        var j = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if p[i].asciiLowercased != l[j] { return false }
            i &+= 1
            j &+= 1
        }
        return true
    }

    /// Case-insensitive comparison of a run of token characters with a lower-case literal of token characters.
    /// On token bytes `| 0x20` lower-cases letters and changes no other byte into another token byte, so eight
    /// bytes compare at once.
    @inlinable @inline(__always)
    static func tokenEqualsLower(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ lower: StaticString) -> Bool {
        let count = lower.utf8CodeUnitCount
        guard range.count == count else { return false }
        let l = UnsafeRawPointer(lower.utf8Start)
        let base = p.baseAddress! + range.lowerBound
        let mask: UInt64 = 0x2020_2020_2020_2020
        var k = 0
        while k &+ 8 <= count {
            let a = base.loadUnaligned(fromByteOffset: k, as: UInt64.self) | mask
            let b = l.loadUnaligned(fromByteOffset: k, as: UInt64.self) | mask
            if a != b { return false }
            k &+= 8
        }
        if k < count && count >= 8 {
            let a = base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) | mask
            let b = l.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) | mask
            return a == b
        }
        while k < count {
            if base.load(fromByteOffset: k, as: UInt8.self) | 0x20 != l.load(fromByteOffset: k, as: UInt8.self) | 0x20 {
                return false
            }
            k &+= 1
        }
        return true
    }

    /// Byte-exact comparison of two ranges.
    @inlinable @inline(__always)
    static func equal(_ p: UnsafeRawBufferPointer, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var j = b.lowerBound
        for i in a {
            if p[i] != p[j] { return false }
            j += 1
        }
        return true
    }

    /// The bytes of `range` as a `String` (invalid UTF-8 is repaired with U+FFFD).
    @inlinable @inline(__always)
    static func string(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: p[range]), as: UTF8.self)
    }

    /// Whether `[range]` is valid UTF-8.
    static func isValidUTF8(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var ascii = true
        for i in range where p[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return true }
        var decoder = UTF8()
        var it = UnsafeRawBufferPointer(rebasing: p[range]).makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// A short, printable rendering of attacker bytes for anomaly details: at most `max` bytes, with every
    /// byte outside printable ASCII written as `\xNN`.
    static func excerpt(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, max: Int = 40) -> String {
        var out = ""
        let upper = Swift.min(range.upperBound, range.lowerBound + max)
        for i in range.lowerBound..<upper {
            let b = p[i]
            if b >= 0x20 && b < 0x7F && b != .backslash {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += b < 16 ? "\\x0\(hex)" : "\\x\(hex)"
            }
        }
        if range.count > max { out += "…" }
        return out
    }
}
