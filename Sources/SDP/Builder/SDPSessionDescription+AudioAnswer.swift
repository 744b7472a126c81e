extension SDPSessionDescription {
    /// Builds a session with one audio stream: `v=0`, the origin, `s=`, a session `c=`, `t=0 0`, and
    /// `m=audio <port> RTP/AVP <payload types>` with an `a=rtpmap` (and `a=fmtp`) per payload, `a=ptime` and
    /// the direction attribute.
    ///
    /// - Parameters:
    ///   - origin: The `o=` line; bump its session version for each new description of the session.
    ///   - sessionName: The `s=` value; `-` by default (RFC 8866 §5.3 forbids an empty one).
    ///   - connectionAddress: The IPv4 or IPv6 address (or host name) media is received on; the address type is
    ///     derived from it.
    ///   - port: The RTP port (RTCP is on `port + 1`).
    ///   - payloads: The formats, in order of preference.
    ///   - direction: The direction attribute written; ``SDPDirection/sendrecv`` by default.
    ///   - ptime: The packet time in milliseconds, or `nil` to write no `a=ptime`.
    public static func audioAnswer(
        origin: SDPOrigin,
        sessionName: String = "-",
        connectionAddress: String,
        port: UInt16,
        payloads: [SDPAudioPayload] = SDPAudioPayload.g711WithDTMF,
        direction: SDPDirection = .sendrecv,
        ptime: UInt32? = 20
    ) -> SDPSessionDescription {
        SDPSessionDescription(
            origin: origin,
            sessionName: sessionName,
            connection: SDPConnection(address: connectionAddress),
            media: [
                Self.audioMedia(port: port, proto: "RTP/AVP", payloads: payloads, direction: direction, ptime: ptime)
            ]
        )
    }

    /// Builds an answer to `offer` by the offer/answer rules of RFC 3264 §6.
    ///
    /// The answer has one `m=` line per offered one, in the same order. The first offered `audio` stream on
    /// `RTP/AVP` with a non-zero port and at least one format in `supported` is accepted: on `port`, with the
    /// offered payload types that match a supported codec (compared by encoding name, clock rate and channels,
    /// so a dynamic payload type keeps the offerer's number), in the offer's order, each with its `a=rtpmap` and
    /// the supported payload's `a=fmtp`. Every other stream is rejected with port 0 and the offered formats.
    /// The direction of the accepted stream is `preferredDirection` narrowed by the offer's (§6.1): an offer
    /// that only sends is answered `recvonly`.
    ///
    /// - Parameters:
    ///   - offer: The parsed offer.
    ///   - origin: The answer's `o=` line.
    ///   - sessionName: The `s=` value; `-` by default.
    ///   - connectionAddress: The address media is received on.
    ///   - port: The RTP port of the accepted audio stream.
    ///   - supported: The formats the honeypot can use.
    ///   - preferredDirection: The direction the honeypot would like; ``SDPDirection/sendrecv`` by default.
    ///   - ptime: The packet time in milliseconds, or `nil` to write no `a=ptime`.
    /// - Returns: The answer; ``acceptedAudioMedia`` tells whether a stream was accepted.
    public static func answer(
        to offer: SDPSessionDescription,
        origin: SDPOrigin,
        sessionName: String = "-",
        connectionAddress: String,
        port: UInt16,
        supported: [SDPAudioPayload] = SDPAudioPayload.g711WithDTMF,
        preferredDirection: SDPDirection = .sendrecv,
        ptime: UInt32? = 20
    ) -> SDPSessionDescription {
        var accepted = false
        var media: [SDPMediaDescription] = []
        media.reserveCapacity(offer.media.count)
        for offered in offer.media {
            if !accepted, offered.media == "audio", offered.proto == "RTP/AVP", offered.port != 0 {
                let payloads = Self.matchingPayloads(offered: offered, supported: supported)
                if !payloads.isEmpty {
                    accepted = true
                    let direction = offer.effectiveDirection(of: offered).answer(preferring: preferredDirection)
                    media.append(
                        Self.audioMedia(
                            port: port,
                            proto: offered.proto,
                            payloads: payloads,
                            direction: direction,
                            ptime: ptime
                        )
                    )
                    continue
                }
            }
            media.append(
                SDPMediaDescription(
                    media: offered.media,
                    port: 0,
                    proto: offered.proto,
                    formats: offered.formats.isEmpty ? ["0"] : offered.formats
                )
            )
        }
        return SDPSessionDescription(
            origin: origin,
            sessionName: sessionName,
            connection: SDPConnection(address: connectionAddress),
            media: media
        )
    }

    /// The first media section with a non-zero port whose media type is `audio`, or `nil`.
    public var acceptedAudioMedia: SDPMediaDescription? {
        self.media.first { $0.media == "audio" && $0.port != 0 }
    }

    /// The supported payloads that `offered` lists, renumbered to the offer's payload types, in offer order.
    static func matchingPayloads(
        offered: SDPMediaDescription,
        supported: [SDPAudioPayload]
    ) -> [SDPAudioPayload] {
        var payloads: [SDPAudioPayload] = []
        for payloadType in offered.payloadTypes
        where !payloads.contains(where: { $0.rtpMap.payloadType == payloadType }) {
            guard let offeredMap = offered.rtpMap(for: payloadType),
                var match = supported.first(where: { $0.rtpMap.isSameCodec(as: offeredMap) })
            else {
                continue
            }
            match.rtpMap.payloadType = payloadType
            payloads.append(match)
        }
        return payloads
    }

    /// One `m=audio` section with its rtpmap, fmtp, ptime and direction attributes.
    static func audioMedia(
        port: UInt16,
        proto: String,
        payloads: [SDPAudioPayload],
        direction: SDPDirection,
        ptime: UInt32?
    ) -> SDPMediaDescription {
        var attributes: [SDPAttribute] = []
        for payload in payloads {
            attributes.append(SDPAttribute(name: "rtpmap", value: payload.rtpMap.attributeValue))
            if let parameters = payload.formatParameters {
                let fmtp = SDPFormatParameters(format: String(payload.rtpMap.payloadType), parameters: parameters)
                attributes.append(SDPAttribute(name: "fmtp", value: fmtp.attributeValue))
            }
        }
        if let ptime {
            attributes.append(SDPAttribute(name: "ptime", value: String(ptime)))
        }
        attributes.append(SDPAttribute(name: direction.rawValue))
        return SDPMediaDescription(
            media: "audio",
            port: port,
            proto: proto,
            formats: payloads.map { String($0.rtpMap.payloadType) },
            attributes: attributes
        )
    }
}
