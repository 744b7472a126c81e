/// An audio format the honeypot is willing to use in an answer: its `a=rtpmap` and, optionally, its `a=fmtp`.
public struct SDPAudioPayload: Sendable, Hashable {
    /// The payload type, encoding name, clock rate and channels.
    public var rtpMap: SDPRTPMap

    /// The format parameters written as `a=fmtp:<pt> <parameters>`, if any.
    public var formatParameters: String?

    /// Creates a payload.
    public init(rtpMap: SDPRTPMap, formatParameters: String? = nil) {
        self.rtpMap = rtpMap
        self.formatParameters = formatParameters
    }

    /// Creates a payload from its parts.
    public init(
        payloadType: UInt8,
        encodingName: String,
        clockRate: UInt32,
        channels: UInt16? = nil,
        formatParameters: String? = nil
    ) {
        self.init(
            rtpMap: SDPRTPMap(
                payloadType: payloadType,
                encodingName: encodingName,
                clockRate: clockRate,
                channels: channels
            ),
            formatParameters: formatParameters
        )
    }

    /// G.711 µ-law: payload type 0, `PCMU/8000` (RFC 3551 §4.5.14).
    public static let pcmu = SDPAudioPayload(payloadType: 0, encodingName: "PCMU", clockRate: 8000)

    /// G.711 A-law: payload type 8, `PCMA/8000` (RFC 3551 §4.5.14).
    public static let pcma = SDPAudioPayload(payloadType: 8, encodingName: "PCMA", clockRate: 8000)

    /// DTMF events (RFC 4733 §7.1.1): `telephone-event/8000` with `a=fmtp:<pt> <events>`.
    ///
    /// - Parameters:
    ///   - payloadType: The dynamic payload type to offer; an answer uses the offerer's number instead.
    ///   - events: The events supported; `0-16` are the DTMF digits, `*`, `#`, A–D and flash.
    public static func telephoneEvent(payloadType: UInt8 = 101, events: String = "0-16") -> SDPAudioPayload {
        SDPAudioPayload(
            payloadType: payloadType,
            encodingName: "telephone-event",
            clockRate: 8000,
            formatParameters: events
        )
    }

    /// The formats the honeypot answers with by default: PCMU, PCMA and telephone-event on 101.
    public static let g711WithDTMF: [SDPAudioPayload] = [.pcmu, .pcma, .telephoneEvent()]
}
