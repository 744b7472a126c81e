public import NIOCore

/// The lenient, hostile-input-safe SDP parser (RFC 8866, with the leniency of RFC 4566 implementations).
///
/// It works on bytes, never traps, and is bounded by ``SDPLimits`` in time and memory. It structures whatever
/// can be structured and records each deviation from RFC 8866 as an ``SDPAnomaly`` in
/// ``SDPSessionDescription/anomalies``; it throws ``SDPParseError`` only when the input cannot be read as SDP
/// lines at all (see ``SDPParseError/Code``).
///
/// ```swift
/// let offer = try SDPParser.parse(body)
/// for media in offer.media where media.media == "audio" {
///     let address = offer.effectiveConnection(of: media)?.address
/// }
/// ```
public enum SDPParser {
    /// Parses an SDP body given as bytes.
    ///
    /// - Parameters:
    ///   - bytes: The body, exactly as received (the SIP message body, without the headers).
    ///   - limits: The bounds to hold the body to.
    /// - Returns: The description, with every line in ``SDPSessionDescription/lines`` and every deviation in
    ///   ``SDPSessionDescription/anomalies``.
    /// - Throws: ``SDPParseError`` with code ``SDPParseError/Code/empty``, ``SDPParseError/Code/notSDP`` or
    ///   ``SDPParseError/Code/tooLarge``.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        limits: SDPLimits = SDPLimits()
    ) throws(SDPParseError) -> SDPSessionDescription {
        let size = bytes.count
        guard size <= max(0, limits.maximumBodySize) else {
            throw SDPParseError.tooLarge(size: size, limit: limits.maximumBodySize)
        }
        return try Self.parse(ByteBuffer(bytes: bytes), limits: limits)
    }

    /// Parses the readable bytes of `buffer` as an SDP body, without copying them: the parsed
    /// ``SDPSessionDescription/lines`` are slices of `buffer`.
    ///
    /// - Parameters:
    ///   - buffer: The body; its readable bytes are parsed and its reader index is not moved.
    ///   - limits: The bounds to hold the body to.
    /// - Returns: The description, with every line in ``SDPSessionDescription/lines`` and every deviation in
    ///   ``SDPSessionDescription/anomalies``.
    /// - Throws: ``SDPParseError`` with code ``SDPParseError/Code/empty``, ``SDPParseError/Code/notSDP`` or
    ///   ``SDPParseError/Code/tooLarge``.
    public static func parse(
        _ buffer: ByteBuffer,
        limits: SDPLimits = SDPLimits()
    ) throws(SDPParseError) -> SDPSessionDescription {
        guard buffer.readableBytes <= max(0, limits.maximumBodySize) else {
            throw SDPParseError.tooLarge(size: buffer.readableBytes, limit: limits.maximumBodySize)
        }
        guard buffer.readableBytes > 0 else {
            throw SDPParseError.empty()
        }
        let result = buffer.withUnsafeReadableBytes { body in
            var context = SDPParserContext(body: body, buffer: buffer, limits: limits)
            return context.run()
        }
        return try result.get()
    }
}
