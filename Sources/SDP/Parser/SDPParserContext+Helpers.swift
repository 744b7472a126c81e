import NIOCore

extension SDPParserContext {
    /// The result of ``typePrefix(of:)``.
    struct TypePrefix {
        /// The type letter.
        var type: UInt8
        /// The offset of the first value byte (after `=`).
        var valueStart: Int
        /// Where whitespace before the letter or around `=` is, if any.
        var irregularWhitespace: Int?
    }

    /// Reads `<letter>=` at the start of a line, tolerating blanks before the letter and before `=`
    /// (reported as ``SDPAnomaly/Code/excessWhitespace``), or returns `nil` when the line is not of that form.
    static func typePrefix(of content: Bytes) -> TypePrefix? {
        var index = content.startIndex
        var irregular: Int? = nil
        while index < content.endIndex, ASCII.isWhitespace(content[index]) {
            irregular = irregular ?? index
            index += 1
        }
        guard index < content.endIndex, ASCII.isLetter(content[index]) else {
            return nil
        }
        let type = content[index]
        index += 1
        while index < content.endIndex, ASCII.isWhitespace(content[index]) {
            irregular = irregular ?? index
            index += 1
        }
        guard index < content.endIndex, content[index] == ASCII.equals else {
            return nil
        }
        index += 1
        return TypePrefix(type: type, valueStart: index, irregularWhitespace: irregular)
    }

    /// Names a control byte for an anomaly detail.
    static func describeControl(_ byte: UInt8) -> String {
        switch byte {
        case ASCII.nul: return "a NUL byte inside a line"
        case ASCII.cr: return "a CR byte that does not end the line"
        default: return "the control byte 0x\(String(byte, radix: 16, uppercase: true)) inside a line"
        }
    }

    /// Records a line in the description's evidence, as a slice of the buffer.
    mutating func appendLine(type: UInt8?, value: Bytes, ending: SDPLine.Ending) {
        let slice =
            self.buffer.getSlice(at: self.buffer.readerIndex + value.startIndex, length: value.count) ?? ByteBuffer()
        self.description.lines.append(SDPLine(type: type, value: slice, offset: self.lineStart, ending: ending))
    }

    /// The bytes as a string; invalid UTF-8 is repaired and reported once per line.
    mutating func string(_ bytes: Bytes) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let valid = String(validating: bytes, as: UTF8.self) {
            return valid
        }
        if self.utf8ReportedLine != self.lineStart {
            self.utf8ReportedLine = self.lineStart
            self.log.record(.invalidUTF8, at: bytes.startIndex, "the value is not valid UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits a structured value into fields, reporting irregular whitespace.
    mutating func fields(_ value: Bytes, maximum: Int) -> SDPFieldSplit<Bytes> {
        let split = value.sdpFields(maximumFields: maximum)
        if let irregular = split.irregularWhitespace {
            self.log.record(.excessWhitespace, at: irregular, "separators other than single spaces")
        }
        return split
    }

    /// Checks a network type, address type and address (of `o=`, `c=` or `a=rtcp`).
    mutating func checkNetwork(networkType: Bytes, addressType: Bytes, address: Bytes) {
        if !networkType.elementsEqual("IN".utf8) {
            self.log.record(.unknownNetType, at: networkType.startIndex, "a network type other than IN")
        }
        if !addressType.elementsEqual("IP4".utf8) && !addressType.elementsEqual("IP6".utf8) {
            self.log.record(.unknownAddrType, at: addressType.startIndex, "an address type other than IP4 or IP6")
        }
        switch SDPAddressSyntax.check(address: address, addressType: addressType) {
        case .valid:
            break
        case .invalidIPv4:
            self.log.record(.ipv4AddressInvalid, at: address.startIndex, "neither an IPv4 address nor a domain name")
        case .invalidIPv6:
            self.log.record(.ipv6AddressInvalid, at: address.startIndex, "neither an IPv6 address nor a domain name")
        }
    }

    /// Decides where a line of `type` goes and reports it when it is out of RFC 8866 §5's order.
    mutating func place(_ type: UInt8) -> Target {
        switch self.section {
        case .session:
            guard let rank = SDPLineType.sessionRank(of: type) else {
                return .ignored
            }
            if rank < self.sessionState.rank {
                self.log.record(.lineOrder, at: self.lineStart, "a session-level line out of RFC 8866 order")
            } else {
                self.sessionState.rank = rank
            }
            return .session
        case .media(let index):
            guard let rank = SDPLineType.mediaRank(of: type) else {
                self.log.record(.lineOrder, at: self.lineStart, "a session-level line inside a media section")
                return .ignored
            }
            if rank < self.mediaState.rank {
                self.log.record(.lineOrder, at: self.lineStart, "a media-level line out of RFC 8866 order")
            } else {
                self.mediaState.rank = rank
            }
            return .media(index)
        case .skippedMedia:
            return .ignored
        }
    }

    /// Marks a line type allowed once per section as seen; returns `false` (and reports it) when it was already.
    mutating func firstOfItsType(_ type: UInt8, in target: Target) -> Bool {
        let inserted: Bool
        switch target {
        case .session:
            inserted = self.sessionState.markSeen(type)
        case .media:
            inserted = self.mediaState.markSeen(type)
        case .ignored:
            return false
        }
        if !inserted {
            self.log.record(
                .duplicateLine,
                at: self.lineStart,
                "a second line of a type allowed once; the first is kept"
            )
        }
        return inserted
    }
}
