public import NIOCore
public import Recon

/// Encodes whole DNS messages, records included: the inverse of `DNSMessageDecoder`, for fakes and tests.
public enum DNSMessageWriter {
    /// Encodes `message`, compressing owner names and PTR/CNAME/SRV targets when `compress` is set.
    public static func encode(_ message: DNSMessage, compress: Bool = true) -> ByteBuffer {
        var buffer = ByteBuffer()
        var compression = DNSMessageEncoder.NameCompression(isEnabled: compress)
        DNSMessageEncoder.writeHeader(message, into: &buffer)
        for question in message.questions {
            DNSMessageEncoder.writeQuestion(question, into: &buffer, compression: &compression)
        }
        for record in message.answers + message.authorities + message.additionals {
            Self.write(record, into: &buffer, compression: &compression)
        }
        return buffer
    }

    static func write(
        _ record: DNSResourceRecord,
        into buffer: inout ByteBuffer,
        compression: inout DNSMessageEncoder.NameCompression
    ) {
        DNSMessageEncoder.writeName(record.name, into: &buffer, compression: &compression)
        buffer.writeInteger(record.type.rawValue)
        buffer.writeInteger(record.recordClass)
        buffer.writeInteger(record.ttl)
        let lengthIndex = buffer.writerIndex
        buffer.writeInteger(UInt16(0))
        let start = buffer.writerIndex
        switch record.data {
        case .address(let address):
            buffer.writeBytes(address.bytes)
        case .pointer(let name), .canonicalName(let name):
            DNSMessageEncoder.writeName(name, into: &buffer, compression: &compression)
        case .service(let srv):
            buffer.writeInteger(srv.priority)
            buffer.writeInteger(srv.weight)
            buffer.writeInteger(srv.port)
            var none = DNSMessageEncoder.NameCompression(isEnabled: false)
            DNSMessageEncoder.writeName(srv.target, into: &buffer, compression: &none)
        case .namingAuthority(let naptr):
            buffer.writeInteger(naptr.order)
            buffer.writeInteger(naptr.preference)
            for text in [naptr.flags, naptr.services, naptr.regexp] {
                let bytes = Array(text.utf8.prefix(255))
                buffer.writeInteger(UInt8(bytes.count))
                buffer.writeBytes(bytes)
            }
            var none = DNSMessageEncoder.NameCompression(isEnabled: false)
            DNSMessageEncoder.writeName(naptr.replacement, into: &buffer, compression: &none)
        case .text(let strings):
            for string in strings {
                buffer.writeInteger(UInt8(min(string.count, 255)))
                buffer.writeBytes(string.prefix(255))
            }
        case .other(let bytes):
            buffer.writeBytes(bytes)
        }
        buffer.setInteger(UInt16(buffer.writerIndex - start), at: lengthIndex)
    }
}

extension DNSResourceRecord {
    /// A record from text, for zone tables in tests (`try!` is fine there: the names are constants).
    public static func make(_ name: String, ttl: UInt32 = 300, _ data: DNSRecordData) -> DNSResourceRecord {
        let type: DNSRecordType
        switch data {
        case .address(let address): type = address.isIPv4 ? .a : .aaaa
        case .pointer: type = .ptr
        case .canonicalName: type = .cname
        case .service: type = .srv
        case .namingAuthority: type = .naptr
        case .text: type = .txt
        case .other: type = DNSRecordType(rawValue: 65_280)
        }
        return DNSResourceRecord(name: .test(name), type: type, ttl: ttl, data: data)
    }
}

extension DNSName {
    /// A validated name from a constant (traps on a typo in a test).
    public static func test(_ text: String) -> DNSName {
        if text == "." { return .root }
        do {
            return try DNSName(validating: text)
        } catch {
            preconditionFailure("bad test name \(text): \(error)")
        }
    }
}
