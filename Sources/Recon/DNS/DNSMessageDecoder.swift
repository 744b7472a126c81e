public import NIOCore

/// Decodes DNS messages (RFC 1035 §4.1) from untrusted bytes.
///
/// Every read is bounds-checked; section counts, names and TXT strings are limited by
/// ``DNSDecoderLimits``. Compression pointers must point strictly backwards to an earlier label
/// (so a pointer loop cannot exist) and at most ``DNSDecoderLimits/maximumPointersPerName`` are followed.
public struct DNSMessageDecoder: Sendable {
    /// The limits applied.
    public var limits: DNSDecoderLimits

    /// Creates a decoder.
    public init(limits: DNSDecoderLimits = .init()) {
        self.limits = limits
    }

    /// Decodes one whole message from a buffer's readable bytes (the reader index is not moved).
    public func decode(_ buffer: ByteBuffer) throws(DNSError) -> DNSMessage {
        try self.decode(Array(buffer.readableBytesView))
    }

    /// Decodes one whole message.
    public func decode(_ bytes: [UInt8]) throws(DNSError) -> DNSMessage {
        guard bytes.count <= self.limits.maximumMessageSize else {
            throw .limitExceeded("message size", value: bytes.count, limit: self.limits.maximumMessageSize, offset: 0)
        }
        var reader = Reader(bytes: bytes, limits: self.limits)
        let id = try reader.readUInt16("header")
        let flags = DNSMessage.Flags(rawValue: try reader.readUInt16("header"))
        let questionCount = Int(try reader.readUInt16("header"))
        let answerCount = Int(try reader.readUInt16("header"))
        let authorityCount = Int(try reader.readUInt16("header"))
        let additionalCount = Int(try reader.readUInt16("header"))
        guard questionCount <= self.limits.maximumQuestions else {
            throw .limitExceeded("question count", value: questionCount, limit: self.limits.maximumQuestions, offset: 4)
        }
        let recordCount = answerCount + authorityCount + additionalCount
        guard recordCount <= self.limits.maximumRecords else {
            throw .limitExceeded("record count", value: recordCount, limit: self.limits.maximumRecords, offset: 6)
        }
        var questions: [DNSQuestion] = []
        for _ in 0..<questionCount {
            let name = try reader.readName()
            let type = DNSRecordType(rawValue: try reader.readUInt16("question"))
            let recordClass = try reader.readUInt16("question")
            questions.append(DNSQuestion(name: name, type: type, recordClass: recordClass))
        }
        var sections: [[DNSResourceRecord]] = []
        for count in [answerCount, authorityCount, additionalCount] {
            var records: [DNSResourceRecord] = []
            records.reserveCapacity(min(count, 64))
            for _ in 0..<count {
                records.append(try reader.readRecord())
            }
            sections.append(records)
        }
        return DNSMessage(
            id: id,
            flags: flags,
            questions: questions,
            answers: sections[0],
            authorities: sections[1],
            additionals: sections[2]
        )
    }

    /// A bounds-checked cursor over the message bytes.
    struct Reader {
        let bytes: [UInt8]
        let limits: DNSDecoderLimits
        var offset = 0

        init(bytes: [UInt8], limits: DNSDecoderLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        mutating func readUInt8(_ what: String) throws(DNSError) -> UInt8 {
            guard self.offset < self.bytes.count else { throw .truncated(what, offset: self.offset) }
            defer { self.offset += 1 }
            return self.bytes[self.offset]
        }

        mutating func readUInt16(_ what: String) throws(DNSError) -> UInt16 {
            guard self.offset + 2 <= self.bytes.count else { throw .truncated(what, offset: self.offset) }
            defer { self.offset += 2 }
            return UInt16(self.bytes[self.offset]) << 8 | UInt16(self.bytes[self.offset + 1])
        }

        mutating func readUInt32(_ what: String) throws(DNSError) -> UInt32 {
            let high = try self.readUInt16(what)
            let low = try self.readUInt16(what)
            return UInt32(high) << 16 | UInt32(low)
        }

        mutating func readBytes(_ count: Int, _ what: String) throws(DNSError) -> [UInt8] {
            guard count >= 0, self.offset + count <= self.bytes.count else {
                throw .truncated(what, offset: self.offset)
            }
            defer { self.offset += count }
            return Array(self.bytes[self.offset..<self.offset + count])
        }

        /// Reads a possibly compressed name at the cursor and moves past it.
        mutating func readName() throws(DNSError) -> DNSName {
            var labels: [[UInt8]] = []
            var position = self.offset
            var endAfterFirstPointer: Int? = nil
            var pointers = 0
            var wireLength = 1
            // The lowest offset reached so far; every pointer must go strictly below it.
            var lowestStart = position
            while true {
                guard position < self.bytes.count else { throw .truncated("a name", offset: position) }
                let length = self.bytes[position]
                switch length & 0xC0 {
                case 0x00:
                    if length == 0 {
                        self.offset = endAfterFirstPointer ?? position + 1
                        return DNSName(labels: labels)
                    }
                    let start = position + 1
                    guard start + Int(length) <= self.bytes.count else {
                        throw .truncated("a label", offset: position)
                    }
                    wireLength += Int(length) + 1
                    guard wireLength <= 255 else { throw .badName("name longer than 255 bytes", offset: position) }
                    labels.append(Array(self.bytes[start..<start + Int(length)]))
                    position = start + Int(length)
                case 0xC0:
                    guard position + 1 < self.bytes.count else { throw .truncated("a pointer", offset: position) }
                    let target = Int(length & 0x3F) << 8 | Int(self.bytes[position + 1])
                    pointers += 1
                    guard pointers <= self.limits.maximumPointersPerName else {
                        throw .badPointer("more than \(self.limits.maximumPointersPerName) pointers", offset: position)
                    }
                    guard target < lowestStart else {
                        throw .badPointer("pointer to \(target) does not point backwards", offset: position)
                    }
                    if endAfterFirstPointer == nil { endAfterFirstPointer = position + 2 }
                    lowestStart = target
                    position = target
                default:
                    throw .badName("reserved label type \(length >> 6)", offset: position)
                }
            }
        }

        mutating func readCharacterString(_ what: String) throws(DNSError) -> [UInt8] {
            let length = Int(try self.readUInt8(what))
            return try self.readBytes(length, what)
        }

        mutating func readRecord() throws(DNSError) -> DNSResourceRecord {
            let name = try self.readName()
            let type = DNSRecordType(rawValue: try self.readUInt16("a record header"))
            let recordClass = try self.readUInt16("a record header")
            let ttl = try self.readUInt32("a record header")
            let length = Int(try self.readUInt16("a record header"))
            let start = self.offset
            let end = start + length
            guard end <= self.bytes.count else { throw .truncated("record data", offset: start) }
            let data = try self.readRecordData(type: type, end: end)
            guard self.offset == end else {
                throw .badRecordData("\(type) data ends at \(self.offset), not \(end)", offset: start)
            }
            return DNSResourceRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: data)
        }

        mutating func readRecordData(type: DNSRecordType, end: Int) throws(DNSError) -> DNSRecordData {
            let start = self.offset
            switch type {
            case .a, .aaaa:
                let size = type == .a ? 4 : 16
                guard end - start == size, let address = IPAddress(bytes: try self.readBytes(size, "an address"))
                else { throw .badRecordData("\(type) data of \(end - start) bytes", offset: start) }
                return .address(address)
            case .ptr, .cname:
                let name = try self.readName()
                guard self.offset <= end else { throw .badRecordData("name overruns record", offset: start) }
                return type == .ptr ? .pointer(name) : .canonicalName(name)
            case .srv:
                let priority = try self.readUInt16("SRV")
                let weight = try self.readUInt16("SRV")
                let port = try self.readUInt16("SRV")
                let target = try self.readName()
                guard self.offset <= end else { throw .badRecordData("SRV overruns record", offset: start) }
                return .service(SRVRecord(priority: priority, weight: weight, port: port, target: target))
            case .naptr:
                let order = try self.readUInt16("NAPTR")
                let preference = try self.readUInt16("NAPTR")
                let flags = try self.readCharacterString("NAPTR flags")
                let services = try self.readCharacterString("NAPTR services")
                let regexp = try self.readCharacterString("NAPTR regexp")
                let replacement = try self.readName()
                guard self.offset <= end else { throw .badRecordData("NAPTR overruns record", offset: start) }
                return .namingAuthority(
                    NAPTRRecord(
                        order: order,
                        preference: preference,
                        flags: String(decoding: flags, as: UTF8.self),
                        services: String(decoding: services, as: UTF8.self),
                        regexp: String(decoding: regexp, as: UTF8.self),
                        replacement: replacement
                    )
                )
            case .txt:
                var strings: [[UInt8]] = []
                while self.offset < end {
                    guard strings.count < self.limits.maximumTXTStrings else {
                        throw .limitExceeded(
                            "TXT strings",
                            value: strings.count + 1,
                            limit: self.limits.maximumTXTStrings,
                            offset: self.offset
                        )
                    }
                    strings.append(try self.readCharacterString("TXT"))
                }
                guard self.offset <= end else { throw .badRecordData("TXT overruns record", offset: start) }
                return .text(strings)
            default:
                return .other(try self.readBytes(end - start, "record data"))
            }
        }
    }
}
