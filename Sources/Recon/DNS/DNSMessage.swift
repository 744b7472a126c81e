/// A DNS message (RFC 1035 §4.1): header, questions and three record sections.
public struct DNSMessage: Hashable, Sendable {
    /// The header flags (RFC 1035 §4.1.1).
    public struct Flags: Hashable, Sendable {
        /// QR: this is a response.
        public var isResponse: Bool
        /// OPCODE (0 = standard query).
        public var opcode: UInt8
        /// AA: authoritative answer.
        public var isAuthoritative: Bool
        /// TC: truncated; retry over TCP.
        public var isTruncated: Bool
        /// RD: recursion desired.
        public var recursionDesired: Bool
        /// RA: recursion available.
        public var recursionAvailable: Bool
        /// RCODE.
        public var responseCode: DNSResponseCode

        /// Creates flags; the defaults describe a standard recursive query.
        public init(
            isResponse: Bool = false,
            opcode: UInt8 = 0,
            isAuthoritative: Bool = false,
            isTruncated: Bool = false,
            recursionDesired: Bool = true,
            recursionAvailable: Bool = false,
            responseCode: DNSResponseCode = .noError
        ) {
            self.isResponse = isResponse
            self.opcode = opcode
            self.isAuthoritative = isAuthoritative
            self.isTruncated = isTruncated
            self.recursionDesired = recursionDesired
            self.recursionAvailable = recursionAvailable
            self.responseCode = responseCode
        }

        /// The 16-bit wire form (the Z bits are zero).
        public var rawValue: UInt16 {
            var value: UInt16 = 0
            if self.isResponse { value |= 0x8000 }
            value |= UInt16(self.opcode & 0x0F) << 11
            if self.isAuthoritative { value |= 0x0400 }
            if self.isTruncated { value |= 0x0200 }
            if self.recursionDesired { value |= 0x0100 }
            if self.recursionAvailable { value |= 0x0080 }
            value |= UInt16(self.responseCode.rawValue & 0x0F)
            return value
        }

        /// Decodes the 16-bit wire form.
        public init(rawValue: UInt16) {
            self.isResponse = rawValue & 0x8000 != 0
            self.opcode = UInt8((rawValue >> 11) & 0x0F)
            self.isAuthoritative = rawValue & 0x0400 != 0
            self.isTruncated = rawValue & 0x0200 != 0
            self.recursionDesired = rawValue & 0x0100 != 0
            self.recursionAvailable = rawValue & 0x0080 != 0
            self.responseCode = DNSResponseCode(rawValue: UInt8(rawValue & 0x0F))
        }
    }

    /// The message ID.
    public var id: UInt16
    /// The header flags.
    public var flags: Flags
    /// The question section.
    public var questions: [DNSQuestion]
    /// The answer section.
    public var answers: [DNSResourceRecord]
    /// The authority section.
    public var authorities: [DNSResourceRecord]
    /// The additional section.
    public var additionals: [DNSResourceRecord]

    /// Creates a message.
    public init(
        id: UInt16,
        flags: Flags = .init(),
        questions: [DNSQuestion] = [],
        answers: [DNSResourceRecord] = [],
        authorities: [DNSResourceRecord] = [],
        additionals: [DNSResourceRecord] = []
    ) {
        self.id = id
        self.flags = flags
        self.questions = questions
        self.answers = answers
        self.authorities = authorities
        self.additionals = additionals
    }
}
