// The catalogue of anomaly codes. Codes are stable: tools and stored traces refer to them by name.
// Each entry says what produces it and its usual severity (the parser may choose the other severity
// where the context makes the deviation legal, e.g. extra whitespace inside a header value).

extension SIPAnomaly.Code {
    // MARK: Framing and line structure

    /// A line ends in a bare LF instead of CRLF (RFC 3261 §7; tools and old test scripts do this). Warning.
    public static let bareLineFeed = Self(rawValue: "bare-lf")
    /// A bare CR inside the header section. Error.
    public static let bareCarriageReturn = Self(rawValue: "bare-cr")
    /// The header section is not closed by an empty line (datagram ended first). Error.
    public static let missingHeaderTerminator = Self(rawValue: "missing-header-terminator")
    /// Bytes of the datagram after the body that Content-Length delimits (RFC 3261 §18.3). Warning.
    public static let trailingBytes = Self(rawValue: "trailing-bytes")
    /// Empty lines (CRLF) before the start line (RFC 3261 §7.5 says to ignore them). Warning.
    public static let leadingEmptyLines = Self(rawValue: "leading-empty-lines")
    /// A header was continued on the next line (obsolete line folding, RFC 3261 §7.3.1). Warning.
    public static let lineFolding = Self(rawValue: "line-folding")
    /// A control byte or NUL inside the start line or a header (RFC 3261 §25.1). Error.
    public static let invalidCharacter = Self(rawValue: "invalid-character")
    /// Bytes that are not valid UTF-8 where UTF-8 text is allowed (reason phrase, display name, quoted text). Warning.
    public static let invalidUTF8 = Self(rawValue: "invalid-utf8")

    // MARK: Start line

    /// The start line is neither `Method SP Request-URI SP SIP-Version` nor `SIP-Version SP Status SP Reason`. Error.
    public static let invalidStartLine = Self(rawValue: "invalid-start-line")
    /// More than one SP between start-line elements, or white space at its end (RFC 4475 §3.1.2.9/10). Error
    /// in the start line; warning where LWS is legal.
    public static let excessWhitespace = Self(rawValue: "excess-whitespace")
    /// A method that no SIP RFC defines (RFC 4475 §3.1.1.2: legal, answered 501). Warning.
    public static let unknownMethod = Self(rawValue: "unknown-method")
    /// The SIP-Version is not `SIP/2.0` (RFC 4475 §3.1.2.16: answer 505). Error.
    public static let unsupportedVersion = Self(rawValue: "unsupported-version")
    /// The status code is not three digits in 100–699 (RFC 4475 §3.1.2.19). Error.
    public static let invalidStatus = Self(rawValue: "invalid-status-code")
    /// The Request-URI is enclosed in `<` `>` (RFC 4475 §3.1.2.7). Error.
    public static let requestURIInAngleBrackets = Self(rawValue: "request-uri-in-angle-brackets")
    /// White space inside the Request-URI (RFC 4475 §3.1.2.8). Error.
    public static let whitespaceInRequestURI = Self(rawValue: "whitespace-in-request-uri")
    /// Escaped headers (`?...`) in a SIP Request-URI (RFC 3261 §19.1.5, RFC 4475 §3.1.2.11). Error.
    public static let headersInRequestURI = Self(rawValue: "headers-in-request-uri")

    // MARK: Headers

    /// A header line without a colon, or whose name is not a token. Error.
    public static let invalidHeaderLine = Self(rawValue: "invalid-header-line")
    /// A header value that does not follow its RFC grammar (the detail names the header and the fault). Error.
    public static let invalidHeaderSyntax = Self(rawValue: "invalid-header-syntax")
    /// A header that RFC 3261 allows once appears more than once (RFC 4475 §3.3.8). Error.
    public static let duplicateSingleHeader = Self(rawValue: "duplicate-single-header")
    /// A mandatory header (To, From, Call-ID, CSeq, Via) is missing (RFC 3261 §8.1.1, RFC 4475 §3.3.1). Error.
    public static let missingRequiredHeader = Self(rawValue: "missing-required-header")
    /// Max-Forwards is missing from a request (RFC 2543 clients omit it). Warning.
    public static let missingMaxForwards = Self(rawValue: "missing-max-forwards")
    /// Empty elements in a list or parameter sequence (`;;`, `,,`; RFC 4475 §3.1.2.1). Error.
    public static let emptyListElement = Self(rawValue: "empty-list-element")
    /// A quoted string that is never closed (RFC 4475 §3.1.2.6). Error.
    public static let unterminatedQuotedString = Self(rawValue: "unterminated-quoted-string")
    /// A display name with characters that need quoting (RFC 4475 §3.1.2.15). Error.
    public static let invalidDisplayName = Self(rawValue: "invalid-display-name")
    /// A number beyond its allowed range (CSeq and delta-seconds ≤ 2³²−1, RFC 3261 §8.1.1.5/§20.19; Max-Forwards ≤ 255;
    /// a port ≤ 65535; a Via ttl ≤ 255; a warn-code of three digits; RFC 4475 §3.1.2.4/5). Error.
    public static let valueOutOfRange = Self(rawValue: "value-out-of-range")
    /// The CSeq method differs from the request method (RFC 4475 §3.1.2.17/18). Error.
    public static let cseqMethodMismatch = Self(rawValue: "cseq-method-mismatch")
    /// A Date header not in the RFC 1123 form with GMT (RFC 3261 §20.17, RFC 4475 §3.1.2.12). Error.
    public static let invalidDate = Self(rawValue: "invalid-date")
    /// A header field longer than the limit; its value is ignored. Error.
    public static let oversizeField = Self(rawValue: "oversize-field")
    /// More headers (or Via/Route entries, or parameters) than the limits allow; the excess is ignored. Error.
    public static let tooManyElements = Self(rawValue: "too-many-elements")

    // MARK: Content-Length and body

    /// Content-Length differs from the bytes available (RFC 3261 §18.3, RFC 4475 §3.1.2.2). Error.
    public static let contentLengthMismatch = Self(rawValue: "content-length-mismatch")
    /// Content-Length is not a non-negative decimal number (RFC 4475 §3.1.2.3). Error.
    public static let invalidContentLength = Self(rawValue: "invalid-content-length")
    /// Several Content-Length headers with different values (RFC 4475 §3.3.9). Error.
    public static let conflictingContentLength = Self(rawValue: "conflicting-content-length")
    /// No Content-Length; legal over UDP (the body runs to the end of the datagram). Warning.
    public static let missingContentLength = Self(rawValue: "missing-content-length")
    /// A body without a Content-Type header (RFC 3261 §20.15). Warning.
    public static let missingContentType = Self(rawValue: "missing-content-type")

    // MARK: URIs and addresses

    /// A URI that does not follow RFC 3261 §25.1 / RFC 3966 (the detail says where). Error.
    public static let invalidURI = Self(rawValue: "invalid-uri")
    /// A URI scheme other than sip, sips or tel (RFC 4475 §3.3.2–3.3.4: legal, answered 416). Warning.
    public static let unknownURIScheme = Self(rawValue: "unknown-uri-scheme")
    /// A `%` not followed by two hexadecimal digits in a URI component. Error.
    public static let invalidEscape = Self(rawValue: "invalid-escape")
    /// `%00` in a URI component (RFC 4475 §3.1.1.4: legal, must not truncate). Warning.
    public static let escapedNul = Self(rawValue: "escaped-nul")
    /// An IPv6 address without brackets or with an invalid form (RFC 5118 §4.2, §4.10). Error.
    public static let invalidIPv6Reference = Self(rawValue: "invalid-ipv6-reference")
    /// An IPv6 reference whose last group looks like a port (RFC 5118 §4.3): valid, but the port is lost. Warning.
    public static let ambiguousIPv6Port = Self(rawValue: "ambiguous-ipv6-port")
    /// A host that is neither a host name, an IPv4 address nor an IPv6 reference. Error.
    public static let invalidHost = Self(rawValue: "invalid-host")
    /// A name-addr URI with `,` `;` or `?` that is not enclosed in `<` `>` (RFC 3261 §20.10, RFC 4475 §3.1.2.13). Error.
    public static let unbracketedURI = Self(rawValue: "unbracketed-uri")
    /// White space inside `<` `>` around an addr-spec (RFC 4475 §3.1.2.14). Error.
    public static let whitespaceInAddrSpec = Self(rawValue: "whitespace-in-addr-spec")
    /// A broadcast or unspecified address (255.255.255.255, 0.0.0.0) in a Via sent-by (RFC 4475 §3.3.10). Warning.
    public static let broadcastAddress = Self(rawValue: "broadcast-address")

    // MARK: Transaction identifiers

    /// A Via without a branch parameter (RFC 2543 client, RFC 4475 §3.4.1). Warning.
    public static let missingBranch = Self(rawValue: "missing-branch")
    /// A branch that is only the magic cookie or does not start with it (RFC 3261 §8.1.1.7, RFC 4475 §3.2.1). Warning.
    public static let nonCompliantBranch = Self(rawValue: "non-compliant-branch")
    /// A request whose From has no tag (RFC 3261 §8.1.1.3; RFC 2543 clients). Warning.
    public static let missingFromTag = Self(rawValue: "missing-from-tag")
}
