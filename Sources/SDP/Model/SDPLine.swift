public import NIOCore

/// One line of an SDP body exactly as it arrived: the evidence behind the parsed fields.
///
/// Every line is kept, in order, blank and malformed ones included (up to ``SDPLimits/maximumLineCount``).
/// ``value`` is a slice of the parsed buffer, so keeping the lines costs no copy of the body.
public struct SDPLine: Sendable, Hashable {
    /// The type letter before `=` (for example `UInt8(ascii: "m")`), or `nil` for a blank line or a line that
    /// is not of the form `<letter>=<value>`.
    public var type: UInt8?

    /// The bytes after `=` without the line ending; for a line without a type, the whole line.
    public var value: ByteBuffer

    /// The byte offset of the line's first byte within the body.
    public var offset: Int

    /// How the line ended.
    public var ending: Ending

    /// Creates a line.
    public init(type: UInt8?, value: ByteBuffer, offset: Int, ending: Ending) {
        self.type = type
        self.value = value
        self.offset = offset
        self.ending = ending
    }

    /// The type letter as a character, or `nil` when ``type`` is `nil`.
    public var typeCharacter: Character? {
        self.type.map { Character(Unicode.Scalar($0)) }
    }

    /// The value decoded as UTF-8, invalid sequences replaced.
    public var valueString: String {
        String(decoding: self.value.readableBytesView, as: UTF8.self)
    }

    /// How a line ended.
    public enum Ending: String, Sendable, Hashable, CaseIterable {
        /// CR LF, as RFC 8866 requires.
        case crlf = "crlf"
        /// LF alone (tolerated, reported as ``SDPAnomaly/Code/bareLF``).
        case lf = "lf"
        /// No line ending: the last line of a body that does not end in LF.
        case none = "none"
    }
}
