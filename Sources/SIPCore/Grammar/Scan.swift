// Low-level scanning over the message bytes. Every function takes the message's bytes, an index and an end,
// and returns a new index; none reads outside `[i, end)`. Offsets are from the start of the message, so
// ranges found here are the ranges the message stores.

enum Scan {
    /// Skips LWS (SP, HTAB and the CRLF of a folded line: inside a header value they are all white space).
    @inlinable
    static func lws(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end {
            let b = p[i]
            guard b == .sp || b == .htab || b == .cr || b == .lf else { break }
            i += 1
        }
        return i
    }

    /// Index after the run of bytes in `cls` starting at `i`.
    @inlinable
    static func run(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int, _ cls: CharClass) -> Int {
        var i = i
        CharClass.table.withUnsafeBufferPointer { table in
            while i < end, !table[Int(p[i])].intersection(cls).isEmpty { i += 1 }
        }
        return i
    }

    /// Index after a token starting at `i` (equal to `i` when there is none).
    @inlinable
    static func token(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int { run(p, i, end, .token) }

    /// `end` with trailing LWS removed, not going below `start`.
    @inlinable
    static func trimTrailing(_ p: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let b = p[e - 1]
            guard b == .sp || b == .htab || b == .cr || b == .lf else { break }
            e -= 1
        }
        return e
    }

    /// First index of `byte` in `[i, end)`, or `end`.
    @inlinable
    static func find(_ p: UnsafeRawBufferPointer, _ byte: UInt8, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, p[i] != byte { i += 1 }
        return i
    }

    /// Scans a quoted string whose opening quote is at `i`.
    /// - Returns: the index after the closing quote, or `nil` when it is not closed before `end`.
    @inlinable
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
    @inlinable
    static func number(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Number {
        if range.isEmpty { return .invalid }
        var value: UInt64 = 0
        var overflow = false
        for i in range {
            let b = p[i]
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
    @inlinable
    static func equalsLower(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ lower: StaticString) -> Bool {
        guard range.count == lower.utf8CodeUnitCount else { return false }
        let l = lower.utf8Start
        var j = 0
        for i in range {
            if p[i].asciiLowercased != l[j] { return false }
            j += 1
        }
        return true
    }

    /// Byte-exact comparison of two ranges.
    @inlinable
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
    @inlinable
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
