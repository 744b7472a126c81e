/// An `a=rtpmap` value (RFC 8866 §6.6): `<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`.
public struct SDPRTPMap: Sendable, Hashable {
    /// The RTP payload type, 0…127.
    public var payloadType: UInt8

    /// The encoding name, for example `PCMU` or `telephone-event` (compare case-insensitively, RFC 4855 §3).
    public var encodingName: String

    /// The RTP clock rate in hertz.
    public var clockRate: UInt32

    /// The number of audio channels (the encoding parameters); `nil` means one.
    public var channels: UInt16?

    /// Creates an rtpmap.
    public init(payloadType: UInt8, encodingName: String, clockRate: UInt32, channels: UInt16? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    /// Parses an `a=rtpmap` attribute value, or returns `nil` when it is malformed or the payload type is above
    /// 127.
    public init?(attributeValue: String) {
        guard let map = try? Self(parsing: attributeValue.utf8) else {
            return nil
        }
        self = map
    }

    /// The `a=rtpmap` attribute value, for example `0 PCMU/8000`.
    public var attributeValue: String {
        var value = "\(self.payloadType) \(self.encodingName)/\(self.clockRate)"
        if let channels = self.channels {
            value += "/\(channels)"
        }
        return value
    }

    /// Whether `other` names the same codec: encoding names equal ignoring ASCII case, the same clock rate, and
    /// the same channel count (an absent count meaning one). The payload type is not compared.
    public func isSameCodec(as other: SDPRTPMap) -> Bool {
        self.clockRate == other.clockRate && (self.channels ?? 1) == (other.channels ?? 1)
            && self.encodingName.utf8.elementsEqual(other.encodingName.utf8) { a, b in
                (ASCII.isLetter(a) ? a | 0x20 : a) == (ASCII.isLetter(b) ? b | 0x20 : b)
            }
    }

    /// Parses `<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`.
    init(parsing bytes: some Collection<UInt8>) throws(SDPValueError) {
        let split = bytes.sdpFields(maximumFields: 2)
        guard split.fields.count == 2, !split.truncated else {
            throw .syntax
        }
        guard let payloadType = split.fields[0].sdpDecimal() else {
            throw .syntax
        }
        guard payloadType <= 127 else {
            throw .payloadTypeOutOfRange
        }
        let (parts, truncated) = split.fields[1].sdpSplit(separator: ASCII.slash, maximumParts: 3)
        guard !truncated, parts.count >= 2, parts[0].sdpIsToken,
            let clockRate = parts[1].sdpDecimal(maximum: UInt64(UInt32.max)), clockRate > 0
        else {
            throw .syntax
        }
        var channels: UInt16? = nil
        if parts.count == 3 {
            guard let count = parts[2].sdpDecimal(maximum: UInt64(UInt16.max)), count > 0 else {
                throw .syntax
            }
            channels = UInt16(count)
        }
        self.init(
            payloadType: UInt8(payloadType),
            encodingName: String(decoding: parts[0], as: UTF8.self),
            clockRate: UInt32(clockRate),
            channels: channels
        )
    }
}

extension SDPRTPMap {
    /// The static audio and video payload types of RFC 3551 §6 (Table 4 and 5), used when an `m=` line lists
    /// one of them without an `a=rtpmap`.
    public static let staticPayloadTypes: [UInt8: SDPRTPMap] = {
        let table: [(UInt8, String, UInt32, UInt16?)] = [
            (0, "PCMU", 8000, nil), (3, "GSM", 8000, nil), (4, "G723", 8000, nil), (5, "DVI4", 8000, nil),
            (6, "DVI4", 16000, nil), (7, "LPC", 8000, nil), (8, "PCMA", 8000, nil), (9, "G722", 8000, nil),
            (10, "L16", 44100, 2), (11, "L16", 44100, nil), (12, "QCELP", 8000, nil), (13, "CN", 8000, nil),
            (14, "MPA", 90000, nil), (15, "G728", 8000, nil), (16, "DVI4", 11025, nil), (17, "DVI4", 22050, nil),
            (18, "G729", 8000, nil), (25, "CelB", 90000, nil), (26, "JPEG", 90000, nil), (28, "nv", 90000, nil),
            (31, "H261", 90000, nil), (32, "MPV", 90000, nil), (33, "MP2T", 90000, nil), (34, "H263", 90000, nil),
        ]
        var maps: [UInt8: SDPRTPMap] = [:]
        for (payloadType, name, rate, channels) in table {
            maps[payloadType] = SDPRTPMap(
                payloadType: payloadType,
                encodingName: name,
                clockRate: rate,
                channels: channels
            )
        }
        return maps
    }()
}

/// Why a typed attribute value did not parse: a closed internal set, used with typed throws.
enum SDPValueError: Error, Hashable {
    /// The value does not match the attribute's grammar.
    case syntax
    /// The value names an RTP payload type above 127.
    case payloadTypeOutOfRange
}
