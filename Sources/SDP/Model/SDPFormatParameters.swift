/// An `a=fmtp` value (RFC 8866 §6.15): `<format> <format specific parameters>`.
public struct SDPFormatParameters: Sendable, Hashable {
    /// The format (for RTP, the payload type) the parameters apply to.
    public var format: String

    /// The parameters, raw: their syntax belongs to each format (for example `0-16` for telephone-event).
    public var parameters: String

    /// Creates format parameters.
    public init(format: String, parameters: String) {
        self.format = format
        self.parameters = parameters
    }

    /// Parses an `a=fmtp` attribute value, or returns `nil` when it is malformed.
    public init?(attributeValue: String) {
        guard let value = try? Self(parsing: attributeValue.utf8) else {
            return nil
        }
        self = value
    }

    /// The `a=fmtp` attribute value, for example `101 0-16`.
    public var attributeValue: String {
        "\(self.format) \(self.parameters)"
    }

    /// Parses `<format> SP <parameters>`: a token, one or more blanks, then anything non-blank.
    init(parsing bytes: some Collection<UInt8>) throws(SDPValueError) {
        guard let blank = bytes.firstIndex(where: ASCII.isWhitespace) else {
            throw .syntax
        }
        let format = bytes[bytes.startIndex..<blank]
        let parameters = bytes[blank...].sdpTrimmingWhitespace()
        guard format.sdpIsToken, !parameters.isEmpty else {
            throw .syntax
        }
        self.init(
            format: String(decoding: format, as: UTF8.self),
            parameters: String(decoding: parameters, as: UTF8.self)
        )
    }
}
