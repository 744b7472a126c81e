public import NIOCore

extension SDPSessionDescription {
    /// Writes this description in RFC 8866 §5's line order with CRLF line endings, appending to `buffer`.
    ///
    /// Only the semantic fields are written (not ``lines`` or ``anomalies``); a field that is `nil` or empty
    /// writes no line. CR, LF and NUL bytes in field values are dropped, so that no value can inject a line.
    /// Values are otherwise written as they are: a caller that puts a space into a field the grammar separates
    /// by spaces (an origin username, say) gets a description that parses back differently. For a description
    /// built from well-formed fields, ``SDPParser`` gives back an equal description (see ``removingEvidence()``)
    /// with no anomalies.
    public func serialize(into buffer: inout ByteBuffer) {
        if let version = self.version {
            buffer.writeStaticString("v=")
            buffer.writeSDPText(String(version))
            buffer.writeStaticString("\r\n")
        }
        if let origin = self.origin {
            buffer.writeStaticString("o=")
            buffer.writeSDPText(origin.username)
            buffer.writeStaticString(" ")
            buffer.writeSDPText(origin.sessionID)
            buffer.writeStaticString(" ")
            buffer.writeSDPText(origin.sessionVersion)
            buffer.writeStaticString(" ")
            buffer.writeSDPText(origin.networkType)
            buffer.writeStaticString(" ")
            buffer.writeSDPText(origin.addressType)
            buffer.writeStaticString(" ")
            buffer.writeSDPText(origin.unicastAddress)
            buffer.writeStaticString("\r\n")
        }
        buffer.writeSDPLine("s=", self.sessionName)
        buffer.writeSDPLine("i=", self.information)
        buffer.writeSDPLine("u=", self.uri)
        for email in self.emails {
            buffer.writeSDPLine("e=", email)
        }
        for phone in self.phones {
            buffer.writeSDPLine("p=", phone)
        }
        if let connection = self.connection {
            buffer.writeSDPConnection(connection)
        }
        for bandwidth in self.bandwidths {
            buffer.writeSDPBandwidth(bandwidth)
        }
        for timing in self.timings {
            buffer.writeStaticString("t=")
            buffer.writeSDPDecimal(timing.start)
            buffer.writeStaticString(" ")
            buffer.writeSDPDecimal(timing.stop)
            buffer.writeStaticString("\r\n")
            for repeats in timing.repeats {
                buffer.writeSDPLine("r=", repeats)
            }
            buffer.writeSDPLine("z=", timing.zoneAdjustments)
        }
        buffer.writeSDPLine("k=", self.key)
        for attribute in self.attributes {
            buffer.writeSDPAttribute(attribute)
        }
        for media in self.media {
            buffer.writeSDPMedia(media)
        }
    }

    /// This description serialized into a new buffer (see ``serialize(into:)``).
    public func serializedBuffer() -> ByteBuffer {
        var buffer = ByteBuffer()
        self.serialize(into: &buffer)
        return buffer
    }
}

extension ByteBuffer {
    /// Writes one media section: `m=`, `i=`, `c=`, `b=`, `k=`, `a=` (RFC 8866 §5).
    fileprivate mutating func writeSDPMedia(_ media: SDPMediaDescription) {
        self.writeStaticString("m=")
        self.writeSDPText(media.media)
        self.writeStaticString(" ")
        self.writeSDPDecimal(UInt64(media.port))
        if let count = media.portCount {
            self.writeStaticString("/")
            self.writeSDPDecimal(UInt64(count))
        }
        self.writeStaticString(" ")
        self.writeSDPText(media.proto)
        for format in media.formats {
            self.writeStaticString(" ")
            self.writeSDPText(format)
        }
        self.writeStaticString("\r\n")
        self.writeSDPLine("i=", media.information)
        for connection in media.connections {
            self.writeSDPConnection(connection)
        }
        for bandwidth in media.bandwidths {
            self.writeSDPBandwidth(bandwidth)
        }
        self.writeSDPLine("k=", media.key)
        for attribute in media.attributes {
            self.writeSDPAttribute(attribute)
        }
    }

    /// Writes `c=<nettype> <addrtype> <address>[/<ttl>][/<count>]`.
    fileprivate mutating func writeSDPConnection(_ connection: SDPConnection) {
        self.writeStaticString("c=")
        self.writeSDPText(connection.networkType)
        self.writeStaticString(" ")
        self.writeSDPText(connection.addressType)
        self.writeStaticString(" ")
        self.writeSDPText(connection.address)
        if let ttl = connection.ttl {
            self.writeStaticString("/")
            self.writeSDPDecimal(UInt64(ttl))
        }
        if let count = connection.numberOfAddresses {
            self.writeStaticString("/")
            self.writeSDPDecimal(UInt64(count))
        }
        self.writeStaticString("\r\n")
    }

    /// Writes `b=<bwtype>:<bandwidth>`.
    fileprivate mutating func writeSDPBandwidth(_ bandwidth: SDPBandwidth) {
        self.writeStaticString("b=")
        self.writeSDPText(bandwidth.type)
        self.writeStaticString(":")
        self.writeSDPDecimal(bandwidth.value)
        self.writeStaticString("\r\n")
    }

    /// Writes `a=<name>` or `a=<name>:<value>`.
    fileprivate mutating func writeSDPAttribute(_ attribute: SDPAttribute) {
        self.writeStaticString("a=")
        self.writeSDPText(attribute.name)
        if let value = attribute.value {
            self.writeStaticString(":")
            self.writeSDPText(value)
        }
        self.writeStaticString("\r\n")
    }

    /// Writes `<prefix><value>\r\n` when `value` is not `nil`.
    fileprivate mutating func writeSDPLine(_ prefix: StaticString, _ value: String?) {
        guard let value else {
            return
        }
        self.writeStaticString(prefix)
        self.writeSDPText(value)
        self.writeStaticString("\r\n")
    }

    /// Writes `value` without its CR, LF and NUL bytes.
    fileprivate mutating func writeSDPText(_ value: String) {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == ASCII.nul }) else {
            self.writeString(value)
            return
        }
        for byte in utf8 where byte != ASCII.cr && byte != ASCII.lf && byte != ASCII.nul {
            self.writeInteger(byte)
        }
    }

    /// Writes `value` in decimal without creating a string.
    fileprivate mutating func writeSDPDecimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 {
            divisor *= 10
        }
        var rest = value
        while divisor > 0 {
            self.writeInteger(ASCII.zero + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
