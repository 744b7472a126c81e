public import SIPCore

extension SIPTransport {
    /// Listen addresses, socket sizes and the bounds on stream connections.
    public struct Configuration: Sendable, Hashable {
        /// Where to listen; several at once, any mix of transports and IPv4/IPv6.
        public var listen: [SIPListenAddress]
        /// The UDP receive buffer to ask for, in bytes (8 MiB by default). Linux caps it at
        /// `net.core.rmem_max`; the transport logs what it was granted.
        public var udpReceiveBufferSize: Int
        /// Datagrams read per system call (`recvmmsg`), 32 by default.
        public var udpVectorReadCount: Int
        /// The most stream connections (TCP and TLS, accepted and opened) at once: 1,024 by default.
        public var maximumConnections: Int
        /// The most stream connections from one source IP address: 32 by default.
        public var maximumConnectionsPerSource: Int
        /// A stream connection with no traffic either way for this long is closed: 120 s by default
        /// (RFC 5626 keep-alives are 95–120 s apart).
        public var idleTimeout: Duration
        /// How long opening an outgoing connection may take: 5 s by default.
        public var connectTimeout: Duration
        /// The limits every message is parsed under.
        public var parserLimits: SIPParserLimits
        /// TLS material; `nil` when no TLS address is configured.
        public var tls: TLSConfiguration?

        /// A configuration with the defaults above.
        public init(
            listen: [SIPListenAddress],
            udpReceiveBufferSize: Int = 8 << 20,
            udpVectorReadCount: Int = 32,
            maximumConnections: Int = 1_024,
            maximumConnectionsPerSource: Int = 32,
            idleTimeout: Duration = .seconds(120),
            connectTimeout: Duration = .seconds(5),
            parserLimits: SIPParserLimits = .default,
            tls: TLSConfiguration? = nil
        ) {
            self.listen = listen
            self.udpReceiveBufferSize = udpReceiveBufferSize
            self.udpVectorReadCount = udpVectorReadCount
            self.maximumConnections = maximumConnections
            self.maximumConnectionsPerSource = maximumConnectionsPerSource
            self.idleTimeout = idleTimeout
            self.connectTimeout = connectTimeout
            self.parserLimits = parserLimits
            self.tls = tls
        }
    }

    /// The certificate chain and private key for TLS listeners, as PEM files.
    public struct TLSConfiguration: Sendable, Hashable {
        /// The PEM file of the certificate chain, leaf first.
        public var certificatePath: String
        /// The PEM file of the private key.
        public var privateKeyPath: String

        /// TLS material.
        public init(certificatePath: String, privateKeyPath: String) {
            self.certificatePath = certificatePath
            self.privateKeyPath = privateKeyPath
        }
    }
}
