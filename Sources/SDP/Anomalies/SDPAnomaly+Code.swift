// The catalogue of anomaly codes: one central list, so it may grow past the usual file length.

extension SDPAnomaly {
    /// The kinds of ``SDPAnomaly``: like an enum, but open, so other modules may define their own codes.
    ///
    /// Each ``rawValue`` is kebab-case and stable, for storage, logs and the Crafted-versus-Normal
    /// classifier. The codes this module produces are listed in ``known``, each with its
    /// ``defaultSeverity``.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        /// The stable kebab-case name of the code.
        public var rawValue: String

        /// Creates a code from its kebab-case name.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The same as ``rawValue``.
        public var description: String {
            self.rawValue
        }

        /// `missing-version` (error): No `v=` line (RFC 8866 §5.1): every description starts with `v=0`.
        public static let missingVersion = Code(rawValue: "missing-version")

        /// `bad-version` (error): The `v=` value is not `0` (RFC 8866 §5.1: there is no minor version).
        public static let badVersion = Code(rawValue: "bad-version")

        /// `missing-origin` (error): No `o=` line (RFC 8866 §5.2).
        public static let missingOrigin = Code(rawValue: "missing-origin")

        /// `bad-origin` (error): The `o=` line does not have six fields, or its `sess-id`/`sess-version` is not a decimal number (RFC 8866 §5.2).
        public static let badOrigin = Code(rawValue: "bad-origin")

        /// `missing-session-name` (error): No `s=` line (RFC 8866 §5.3).
        public static let missingSessionName = Code(rawValue: "missing-session-name")

        /// `empty-session-name` (warning): An empty `s=` line: RFC 8866 §5.3 says it MUST NOT be empty and suggests `s= ` or `s=-` instead.
        public static let emptySessionName = Code(rawValue: "empty-session-name")

        /// `missing-timing` (error): No `t=` line (RFC 8866 §5.9): at least one time description is required.
        public static let missingTiming = Code(rawValue: "missing-timing")

        /// `bad-timing` (error): A `t=`, `r=` or `z=` line whose values are not the numbers and typed times of RFC 8866 §5.9–§5.11.
        public static let badTiming = Code(rawValue: "bad-timing")

        /// `bad-connection` (error): A `c=` line (or the address of `a=rtcp`) that is not `<nettype> <addrtype> <address>[/<ttl>][/<count>]` with numeric TTL and count (RFC 8866 §5.7).
        public static let badConnection = Code(rawValue: "bad-connection")

        /// `missing-connection` (error): A media section without `c=` when the session has none either (RFC 8866 §5.7).
        public static let missingConnection = Code(rawValue: "missing-connection")

        /// `bad-bandwidth` (error): A `b=` line that is not `<bwtype>:<bandwidth>` with a token and a decimal number (RFC 8866 §5.8).
        public static let badBandwidth = Code(rawValue: "bad-bandwidth")

        /// `bad-media` (error): An `m=` line with too few fields, no formats, or a non-numeric RTP payload type (RFC 8866 §5.14).
        public static let badMedia = Code(rawValue: "bad-media")

        /// `bad-port` (error): An `m=` port or port count that is not a number in 0…65535 (RFC 8866 §5.14). The section is skipped.
        public static let badPort = Code(rawValue: "bad-port")

        /// `bad-rtpmap` (error): An `a=rtpmap` value that is not `<payload type> <encoding name>/<clock rate>[/<channels>]` (RFC 8866 §6.6).
        public static let badRTPMap = Code(rawValue: "bad-rtpmap")

        /// `bad-fmtp` (error): An `a=fmtp` value that is not `<format> <parameters>` (RFC 8866 §6.15).
        public static let badFMTP = Code(rawValue: "bad-fmtp")

        /// `payload-type-out-of-range` (error): An RTP payload type above 127 in an `m=` format list or an `a=rtpmap` (RFC 3550 §5.1: 7 bits).
        public static let payloadTypeOutOfRange = Code(rawValue: "payload-type-out-of-range")

        /// `ipv4-address-invalid` (error): An address of type `IP4` that is neither a dotted-quad IPv4 address nor a domain name (an IPv6 address, an octet above 255, a leading zero, stray characters).
        public static let ipv4AddressInvalid = Code(rawValue: "ipv4-address-invalid")

        /// `ipv6-address-invalid` (error): An address of type `IP6` that is neither an RFC 4291 IPv6 address (the `::ffff:192.0.2.2` form included) nor a domain name.
        public static let ipv6AddressInvalid = Code(rawValue: "ipv6-address-invalid")

        /// `unknown-line-type` (error): A line whose type letter RFC 8866 does not define (uppercase letters included). RFC 8866 §5 tells parsers to ignore or reject the whole description; we keep going and ignore the line.
        public static let unknownLineType = Code(rawValue: "unknown-line-type")

        /// `malformed-line` (error): A non-blank line that is not of the form `<letter>=<value>` (after the first line; a first line like that throws ``SDPParseError/Code/notSDP``).
        public static let malformedLine = Code(rawValue: "malformed-line")

        /// `line-order` (warning): A line out of the order that RFC 8866 §5 fixes (for example `c=` after `a=`, `v=` not first, a session-only line such as `s=` inside a media section, `r=` before any `t=`). Session-level lines out of order are still used; session-only lines inside a media section are ignored.
        public static let lineOrder = Code(rawValue: "line-order")

        /// `duplicate-line` (warning): A second line of a type allowed once (`v=`, `o=`, `s=`, `i=`, `u=`, the session `c=`, `k=`, `z=` per time description), or a repeated direction attribute. The first one is kept.
        public static let duplicateLine = Code(rawValue: "duplicate-line")

        /// `bare-lf` (warning): Lines ended by LF alone instead of CRLF. RFC 8866 §5 says parsers SHOULD accept this; real SIP phones do not send it. Reported once per body, at the first such line, with the count.
        public static let bareLF = Code(rawValue: "bare-lf")

        /// `unterminated-line` (warning): The last line has no line ending (RFC 8866 ends every line with CRLF).
        public static let unterminatedLine = Code(rawValue: "unterminated-line")

        /// `excess-whitespace` (warning): Whitespace where the grammar has none or a single space: around `=`, before the type letter, leading or trailing blanks in a structured field, runs of spaces, or tabs.
        public static let excessWhitespace = Code(rawValue: "excess-whitespace")

        /// `empty-line` (warning): A blank line (or one holding only spaces and tabs): RFC 8866's grammar has none.
        public static let emptyLine = Code(rawValue: "empty-line")

        /// `invalid-utf8` (warning): A field value that is not valid UTF-8; the value was decoded with replacement characters.
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")

        /// `invalid-character` (warning): A control byte (NUL, a CR not before LF, or any other below 0x20 except tab, or DEL) inside a line.
        public static let invalidCharacter = Code(rawValue: "invalid-character")

        /// `oversize-field` (warning): A line longer than ``SDPLimits/maximumLineLength``. It is kept in ``SDPSessionDescription/lines`` and otherwise skipped.
        public static let oversizeField = Code(rawValue: "oversize-field")

        /// `too-many-lines` (warning): More lines than ``SDPLimits/maximumLineCount``; the rest of the body is skipped.
        public static let tooManyLines = Code(rawValue: "too-many-lines")

        /// `too-many-media` (warning): More `m=` sections than ``SDPLimits/maximumMediaSections``; the later sections are skipped.
        public static let tooManyMedia = Code(rawValue: "too-many-media")

        /// `too-many-attributes` (warning): More `a=` lines in one section than ``SDPLimits/maximumAttributesPerSection``; the later ones are skipped.
        public static let tooManyAttributes = Code(rawValue: "too-many-attributes")

        /// `too-many-formats` (warning): More formats on one `m=` line than ``SDPLimits/maximumFormatsPerMedia``; the later ones are dropped.
        public static let tooManyFormats = Code(rawValue: "too-many-formats")

        /// `too-many-anomalies` (warning): More anomalies than ``SDPLimits/maximumAnomalies``; later anomalies are not recorded. Its offset is that of the first one dropped.
        public static let tooManyAnomalies = Code(rawValue: "too-many-anomalies")

        /// `conflicting-direction` (warning): Two different direction attributes (`sendrecv`, `sendonly`, `recvonly`, `inactive`, RFC 8866 §6.7) in one section. The first one wins.
        public static let conflictingDirection = Code(rawValue: "conflicting-direction")

        /// `unknown-nettype` (warning): A network type other than `IN` in `o=` or `c=` (RFC 8866 §5.2, §8.2.6).
        public static let unknownNetType = Code(rawValue: "unknown-nettype")

        /// `unknown-addrtype` (warning): An address type other than `IP4` or `IP6` in `o=` or `c=` (RFC 8866 §5.2, §8.2.7).
        public static let unknownAddrType = Code(rawValue: "unknown-addrtype")

        /// `rtpmap-without-format` (warning): An `a=rtpmap` for a payload type that is not in its `m=` line's format list (RFC 8866 §6.6).
        public static let rtpmapWithoutFormat = Code(rawValue: "rtpmap-without-format")

        /// `fmtp-without-format` (warning): An `a=fmtp` for a format that is not in its `m=` line's format list (RFC 8866 §6.15).
        public static let fmtpWithoutFormat = Code(rawValue: "fmtp-without-format")

        /// `bad-attribute` (warning): An `a=` line with an empty or non-token name, or a malformed value for an attribute we type (`ptime`, `maxptime`, `rtcp`, a direction attribute with a value) (RFC 8866 §5.13, §6).
        public static let badAttribute = Code(rawValue: "bad-attribute")

        /// `obsolete-key` (warning): A `k=` line: RFC 8866 §5.12 made it obsolete (it MUST NOT be used).
        public static let obsoleteKey = Code(rawValue: "obsolete-key")

        /// Every code this module produces, in catalogue order.
        public static let known: [Code] = [
            .missingVersion,
            .badVersion,
            .missingOrigin,
            .badOrigin,
            .missingSessionName,
            .emptySessionName,
            .missingTiming,
            .badTiming,
            .badConnection,
            .missingConnection,
            .badBandwidth,
            .badMedia,
            .badPort,
            .badRTPMap,
            .badFMTP,
            .payloadTypeOutOfRange,
            .ipv4AddressInvalid,
            .ipv6AddressInvalid,
            .unknownLineType,
            .malformedLine,
            .lineOrder,
            .duplicateLine,
            .bareLF,
            .unterminatedLine,
            .excessWhitespace,
            .emptyLine,
            .invalidUTF8,
            .invalidCharacter,
            .oversizeField,
            .tooManyLines,
            .tooManyMedia,
            .tooManyAttributes,
            .tooManyFormats,
            .tooManyAnomalies,
            .conflictingDirection,
            .unknownNetType,
            .unknownAddrType,
            .rtpmapWithoutFormat,
            .fmtpWithoutFormat,
            .badAttribute,
            .obsoleteKey,
        ]

        /// The severity the parser gives this code: ``Severity/error`` for the structural faults listed in
        /// the catalogue, ``Severity/warning`` for everything else (codes from other modules included).
        public var defaultSeverity: Severity {
            switch self {
            case .missingVersion,
                .badVersion,
                .missingOrigin,
                .badOrigin,
                .missingSessionName,
                .missingTiming,
                .badTiming,
                .badConnection,
                .missingConnection,
                .badBandwidth,
                .badMedia,
                .badPort,
                .badRTPMap,
                .badFMTP,
                .payloadTypeOutOfRange,
                .ipv4AddressInvalid,
                .ipv6AddressInvalid,
                .unknownLineType,
                .malformedLine:
                return .error
            default:
                return .warning
            }
        }
    }
}
