public import NIOCore

/// Encodes DNS queries (RFC 1035 §4.1). The inverse (a response writer) lives in `ReconTestSupport`.
public enum DNSMessageEncoder {
    /// Encodes a query message with one question.
    public static func encodeQuery(
        id: UInt16,
        question: DNSQuestion,
        recursionDesired: Bool = true,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 12 + question.name.wireLength + 4)
        let message = DNSMessage(id: id, flags: .init(recursionDesired: recursionDesired), questions: [question])
        Self.writeHeader(message, into: &buffer)
        var compression = NameCompression()
        Self.writeQuestion(question, into: &buffer, compression: &compression)
        return buffer
    }

    /// Writes the 12-byte header with the section counts of `message`.
    package static func writeHeader(_ message: DNSMessage, into buffer: inout ByteBuffer) {
        buffer.writeInteger(message.id)
        buffer.writeInteger(message.flags.rawValue)
        buffer.writeInteger(UInt16(truncatingIfNeeded: message.questions.count))
        buffer.writeInteger(UInt16(truncatingIfNeeded: message.answers.count))
        buffer.writeInteger(UInt16(truncatingIfNeeded: message.authorities.count))
        buffer.writeInteger(UInt16(truncatingIfNeeded: message.additionals.count))
    }

    /// Writes a question.
    package static func writeQuestion(
        _ question: DNSQuestion,
        into buffer: inout ByteBuffer,
        compression: inout NameCompression
    ) {
        Self.writeName(question.name, into: &buffer, compression: &compression)
        buffer.writeInteger(question.type.rawValue)
        buffer.writeInteger(question.recordClass)
    }

    /// Writes a name, reusing earlier suffixes through compression pointers when `compression` is enabled.
    /// The message must start at the buffer's reader index.
    package static func writeName(_ name: DNSName, into buffer: inout ByteBuffer, compression: inout NameCompression) {
        let start = buffer.readerIndex
        for index in name.labels.indices {
            let suffix = DNSName(labels: Array(name.labels[index...]))
            if compression.isEnabled, let offset = compression.offsets[suffix] {
                buffer.writeInteger(UInt16(0xC000) | UInt16(offset))
                return
            }
            let offset = buffer.writerIndex - start
            if compression.isEnabled, offset < 0x3FFF {
                compression.offsets[suffix] = offset
            }
            let label = name.labels[index].prefix(63)
            buffer.writeInteger(UInt8(label.count))
            buffer.writeBytes(label)
        }
        buffer.writeInteger(UInt8(0))
    }

    /// The suffixes already written and their offsets (RFC 1035 §4.1.4).
    package struct NameCompression {
        package var isEnabled: Bool
        package var offsets: [DNSName: Int] = [:]

        package init(isEnabled: Bool = true) {
            self.isEnabled = isEnabled
        }
    }
}
