/// The bytes and byte classes of the SDP grammar (RFC 8866 §9), so that no parser compares against character
/// literals.
enum ASCII {
    /// NUL, which RFC 8866's `byte-string` excludes.
    static let nul: UInt8 = 0x00
    /// Horizontal tab: not a field separator in SDP, tolerated as one with an anomaly.
    static let tab: UInt8 = 0x09
    /// Line feed: the line terminator that RFC 8866 §5 says parsers SHOULD accept on its own.
    static let lf: UInt8 = 0x0A
    /// Carriage return: only valid directly before a line feed.
    static let cr: UInt8 = 0x0D
    /// Space: the only field separator in SDP.
    static let space: UInt8 = 0x20
    /// `-`
    static let minus: UInt8 = 0x2D
    /// `.`
    static let period: UInt8 = 0x2E
    /// `/`
    static let slash: UInt8 = 0x2F
    /// `0`
    static let zero: UInt8 = 0x30
    /// `9`
    static let nine: UInt8 = 0x39
    /// `:`
    static let colon: UInt8 = 0x3A
    /// `=`
    static let equals: UInt8 = 0x3D
    /// `_`
    static let underscore: UInt8 = 0x5F
    /// DEL, a control byte.
    static let delete: UInt8 = 0x7F

    /// Whether `byte` is `DIGIT`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= Self.zero && byte <= Self.nine
    }

    /// Whether `byte` is `ALPHA`.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether `byte` is a lowercase letter (the SDP line types are all lowercase).
    @inline(__always)
    static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A
    }

    /// Whether `byte` is `HEXDIG` (either case).
    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        Self.isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// Whether `byte` is a space or a tab.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == Self.space || byte == Self.tab
    }

    /// Whether `byte` is a control byte other than a tab (a tab is handled as whitespace).
    @inline(__always)
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != Self.tab) || byte == Self.delete
    }

    /// Whether `byte` is a `token-char` of RFC 8866 §9:
    /// `%x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E`.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x27, 0x2A...0x2B, 0x2D...0x2E, 0x30...0x39, 0x41...0x5A, 0x5E...0x7E:
            return true
        default:
            return false
        }
    }
}

extension Collection<UInt8> {
    /// The value of these bytes as an unsigned decimal number, or `nil` when they are empty, hold anything but
    /// digits, or exceed `maximum`. Never overflows, whatever the number of digits.
    func sdpDecimal(maximum: UInt64 = .max) -> UInt64? {
        guard !self.isEmpty else {
            return nil
        }
        var value: UInt64 = 0
        for byte in self {
            guard ASCII.isDigit(byte) else {
                return nil
            }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(byte - ASCII.zero))
            guard !overflowA, !overflowB, sum <= maximum else {
                return nil
            }
            value = sum
        }
        return value
    }

    /// Whether these bytes are non-empty and all `token-char`s.
    var sdpIsToken: Bool {
        !self.isEmpty && self.allSatisfy(ASCII.isTokenCharacter)
    }

    /// These bytes without leading and trailing spaces and tabs.
    func sdpTrimmingWhitespace() -> SubSequence {
        guard let first = self.firstIndex(where: { !ASCII.isWhitespace($0) }) else {
            return self[self.endIndex...]
        }
        var end = self.index(after: first)
        var index = end
        while index != self.endIndex {
            let next = self.index(after: index)
            if !ASCII.isWhitespace(self[index]) {
                end = next
            }
            index = next
        }
        return self[first..<end]
    }

    /// Splits at the first `separator`: the bytes before it and, when it occurs, the bytes after it.
    func sdpSplitOnce(at separator: UInt8) -> (head: SubSequence, tail: SubSequence?) {
        guard let index = self.firstIndex(of: separator) else {
            return (self[...], nil)
        }
        return (self[self.startIndex..<index], self[self.index(after: index)...])
    }

    /// Splits on single `separator` bytes (empty parts kept), returning at most `maximumParts` parts; the
    /// flag tells whether more were present.
    func sdpSplit(separator: UInt8, maximumParts: Int) -> (parts: [SubSequence], truncated: Bool) {
        var parts: [SubSequence] = []
        var start = self.startIndex
        var index = self.startIndex
        while index != self.endIndex {
            if self[index] == separator {
                guard parts.count < maximumParts else {
                    return (parts, true)
                }
                parts.append(self[start..<index])
                start = self.index(after: index)
            }
            index = self.index(after: index)
        }
        guard parts.count < maximumParts else {
            return (parts, true)
        }
        parts.append(self[start..<self.endIndex])
        return (parts, false)
    }

    /// Splits a structured field value on runs of spaces and tabs.
    ///
    /// Returns at most `maximumFields` fields, whether more were present, and the index of the first
    /// whitespace irregularity (leading or trailing blanks, a tab, or more than one space in a row), which
    /// RFC 8866's grammar (single `SP` separators) does not allow.
    func sdpFields(maximumFields: Int) -> SDPFieldSplit<SubSequence> {
        var split = SDPFieldSplit<SubSequence>()
        var index = self.startIndex
        var fieldStart: Index? = nil
        var previousWasSpace = false
        var blankRunStart = self.startIndex
        while index != self.endIndex {
            let byte = self[index]
            if ASCII.isWhitespace(byte) {
                if let start = fieldStart {
                    guard split.fields.count < maximumFields else {
                        split.truncated = true
                        return split
                    }
                    split.fields.append(self[start..<index])
                    fieldStart = nil
                }
                let irregular = byte == ASCII.tab || previousWasSpace || index == self.startIndex
                if irregular && split.irregularWhitespace == nil {
                    split.irregularWhitespace = index
                }
                if !previousWasSpace {
                    blankRunStart = index
                }
                previousWasSpace = true
            } else {
                if fieldStart == nil {
                    fieldStart = index
                }
                previousWasSpace = false
            }
            index = self.index(after: index)
        }
        if let start = fieldStart {
            guard split.fields.count < maximumFields else {
                split.truncated = true
                return split
            }
            split.fields.append(self[start..<self.endIndex])
        } else if previousWasSpace, split.irregularWhitespace == nil {
            // Trailing whitespace.
            split.irregularWhitespace = blankRunStart
        }
        return split
    }
}

/// The result of `sdpFields(maximumFields:)`.
struct SDPFieldSplit<Field: Collection<UInt8>> {
    /// The fields, in order.
    var fields: [Field] = []
    /// Whether fields beyond the maximum were dropped.
    var truncated = false
    /// Where the first whitespace irregularity is, if there is one.
    var irregularWhitespace: Field.Index? = nil
}
