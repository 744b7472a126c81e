/// A media section (RFC 8866 §5.14): an `m=` line and the `i=`, `c=`, `b=`, `k=` and `a=` lines after it.
///
/// `m=<media> <port>[/<number of ports>] <proto> <fmt> ...`. Typed views of the attributes (rtpmap, fmtp,
/// direction, ptime, rtcp) are in `SDPMediaDescription+Attributes.swift`.
public struct SDPMediaDescription: Sendable, Hashable {
    /// The media type: `audio`, `video`, `text`, `application`, `message`, `image`, or another token.
    public var media: String

    /// The transport port; 0 marks a stream rejected or disabled (RFC 3264 §6).
    public var port: UInt16

    /// The number of ports (the `/<number>` suffix), when present.
    public var portCount: UInt16?

    /// The transport protocol, for example `RTP/AVP`, `RTP/SAVP` or `UDP/TLS/RTP/SAVPF`.
    public var proto: String

    /// The formats, in order: RTP payload type numbers for the RTP protocols, tokens otherwise.
    public var formats: [String]

    /// The media title (`i=`).
    public var information: String?

    /// The connection lines (`c=`) of this section; RFC 8866 §5.7 allows more than one for multicast.
    public var connections: [SDPConnection]

    /// The bandwidth lines (`b=`) of this section.
    public var bandwidths: [SDPBandwidth]

    /// The obsolete encryption key (`k=`), raw.
    public var key: String?

    /// The attributes (`a=`) of this section, in order.
    public var attributes: [SDPAttribute]

    /// Creates a media section.
    public init(
        media: String,
        port: UInt16,
        portCount: UInt16? = nil,
        proto: String,
        formats: [String],
        information: String? = nil,
        connections: [SDPConnection] = [],
        bandwidths: [SDPBandwidth] = [],
        key: String? = nil,
        attributes: [SDPAttribute] = []
    ) {
        self.media = media
        self.port = port
        self.portCount = portCount
        self.proto = proto
        self.formats = formats
        self.information = information
        self.connections = connections
        self.bandwidths = bandwidths
        self.key = key
        self.attributes = attributes
    }

    /// Whether ``proto`` is an RTP profile (one of its `/`-separated parts is `RTP`, in any case), whose formats
    /// are payload type numbers.
    public var isRTP: Bool {
        Self.isRTP(proto: self.proto.utf8)
    }

    /// Whether `proto` has a `/`-separated part equal to `RTP`, ignoring case.
    static func isRTP(proto: some Collection<UInt8>) -> Bool {
        let (parts, _) = proto.sdpSplit(separator: ASCII.slash, maximumParts: 8)
        return parts.contains { part in
            part.count == 3 && part.elementsEqual("RTP".utf8) { ($0 & 0xDF) == $1 }
        }
    }
}
