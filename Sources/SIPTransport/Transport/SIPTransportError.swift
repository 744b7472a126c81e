/// Errors of the transport layer: a code, a message and the limit hit, if any.
public struct SIPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// A stream connection was refused because a connection bound was reached.
        public static let tooManyConnections = Self(rawValue: "too-many-connections")
        /// No socket of the needed transport (and address family) is open.
        public static let noSocket = Self(rawValue: "no-socket")
        /// A TLS listener is configured without a certificate and key.
        public static let tlsMaterialMissing = Self(rawValue: "tls-material-missing")
    }

    /// The code.
    public var code: Code
    /// A sentence for logs.
    public var message: String

    public var description: String { "\(self.code): \(self.message)" }

    @inline(never)
    static func tooManyConnections(limit: Int) -> Self {
        Self(code: .tooManyConnections, message: "connection bound of \(limit) reached")
    }

    @inline(never)
    static func noSocket(for transport: SIPTransportKind) -> Self {
        Self(code: .noSocket, message: "no open \(transport) socket for this destination")
    }

    @inline(never)
    static func tlsMaterialMissing() -> Self {
        Self(code: .tlsMaterialMissing, message: "a TLS listen address needs a certificate and a private key")
    }
}
