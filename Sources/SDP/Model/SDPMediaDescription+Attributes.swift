extension SDPMediaDescription {
    /// The attributes called `name`, in order.
    public func attributes(named name: String) -> [SDPAttribute] {
        self.attributes.filter { $0.name == name }
    }

    /// The numeric formats that are valid RTP payload types (0…127), in order.
    public var payloadTypes: [UInt8] {
        self.formats.compactMap { format in
            format.utf8.sdpDecimal(maximum: 127).map { UInt8($0) }
        }
    }

    /// The well-formed `a=rtpmap` attributes, in order.
    public var rtpMaps: [SDPRTPMap] {
        self.attributes.compactMap { attribute in
            guard attribute.name == "rtpmap", let value = attribute.value else {
                return nil
            }
            return SDPRTPMap(attributeValue: value)
        }
    }

    /// The codec of `payloadType`: its `a=rtpmap` if there is one, else its static assignment in RFC 3551
    /// (``SDPRTPMap/staticPayloadTypes``) if it is listed in ``formats``, else `nil`.
    public func rtpMap(for payloadType: UInt8) -> SDPRTPMap? {
        if let map = self.rtpMaps.first(where: { $0.payloadType == payloadType }) {
            return map
        }
        guard self.payloadTypes.contains(payloadType) else {
            return nil
        }
        return SDPRTPMap.staticPayloadTypes[payloadType]
    }

    /// The well-formed `a=fmtp` attributes, in order.
    public var formatParameters: [SDPFormatParameters] {
        self.attributes.compactMap { attribute in
            guard attribute.name == "fmtp", let value = attribute.value else {
                return nil
            }
            return SDPFormatParameters(attributeValue: value)
        }
    }

    /// The parameters of the first `a=fmtp` for `format`, or `nil`.
    public func formatParameters(for format: String) -> String? {
        self.formatParameters.first { $0.format == format }?.parameters
    }

    /// The first direction attribute of this section, or `nil` when it has none (see
    /// ``SDPSessionDescription/effectiveDirection(of:)`` for the direction that applies).
    public var direction: SDPDirection? {
        self.attributes.sdpDirection
    }

    /// The packet time in milliseconds (`a=ptime`, RFC 8866 §6.4), when it is a whole number.
    public var ptime: UInt32? {
        self.attributes.first(named: "ptime")?.value?.utf8.sdpDecimal(maximum: UInt64(UInt32.max)).map {
            UInt32($0)
        }
    }

    /// The maximum packet time in milliseconds (`a=maxptime`, RFC 8866 §6.5), when it is a whole number.
    public var maxptime: UInt32? {
        self.attributes.first(named: "maxptime")?.value?.utf8.sdpDecimal(maximum: UInt64(UInt32.max)).map {
            UInt32($0)
        }
    }

    /// The first well-formed `a=rtcp` attribute (RFC 3605), or `nil`.
    public var rtcp: SDPRTCPAttribute? {
        self.attributes.first(named: "rtcp")?.value.flatMap { SDPRTCPAttribute(attributeValue: $0) }
    }
}

extension Collection<SDPAttribute> {
    /// The first attribute that is a value-less direction attribute, as a direction.
    var sdpDirection: SDPDirection? {
        for attribute in self where attribute.value == nil {
            if let direction = SDPDirection(rawValue: attribute.name) {
                return direction
            }
        }
        return nil
    }
}
