public import NIOCore

/// The receiving half of a call's media as a pure state machine: each datagram from the RTP or RTCP socket in,
/// actions out (observe it, latch the remote's address, record the packet, deliver a digit).
///
/// ## Design
///
/// The machine is generic over the address type (`SocketAddress` in the IO layer, anything `Hashable` in tests)
/// and reads no clock: ``received(_:from:on:at:)`` takes `now` in nanoseconds on the caller's monotonic clock.
/// For each datagram, in order:
///
/// 1. **Rate limit.** Each socket admits ``Configuration/maximumPacketsPerSecond`` datagrams per one-second window;
///    the rest are counted in ``Statistics/droppedByRateLimit`` and produce no action at all (not even
///    ``Action/observe(_:)``), so a flood costs bounded work.
/// 2. **Demultiplexing.** A datagram on the RTP socket whose second byte is an RTCP packet type (RFC 5761 §4) is
///    handled as RTCP.
/// 3. **Observe.** ``Action/observe(_:)``: the caller reports the admitted datagram to the trace store.
/// 4. **Parse.** Malformed datagrams are counted and go no further.
/// 5. **Symmetric latch (RFC 4961).** The first valid RTP (RTCP) datagram's source becomes the remote's RTP (RTCP)
///    address: ``Action/latchRTP(_:)``, ``Action/latchRTCP(_:)``. Afterwards, RTP from any other source is counted
///    in ``Statistics/foreignPackets`` and not used.
/// 6. **Statistics.** Sequence, loss and jitter per RFC 3550 Appendix A (a new SSRC restarts them); from RTCP, the
///    last SR's timestamp (for LSR/DLSR) and whether a BYE came.
/// 7. **DTMF and recording.** Telephone-events go through a ``TelephoneEventReceiver`` (``Action/digit(_:)`` once
///    per event); every accepted RTP packet is offered for recording (``Action/record(_:)``).
public struct MediaReceiver<Address: Hashable & Sendable>: Sendable {
    /// The machine's parameters.
    public struct Configuration: Sendable, Hashable {
        /// Datagrams admitted per second on each socket. Default 200.
        public var maximumPacketsPerSecond: Int
        /// Whether to latch the remote's addresses (RFC 4961). Default `true`.
        public var symmetric: Bool
        /// The negotiated telephone-event payload type, or `nil`.
        public var telephoneEventPayloadType: UInt8?
        /// The parsers' bounds.
        public var limits: RTPLimits

        /// Creates a configuration.
        public init(
            maximumPacketsPerSecond: Int = 200,
            symmetric: Bool = true,
            telephoneEventPayloadType: UInt8? = 101,
            limits: RTPLimits = RTPLimits()
        ) {
            self.maximumPacketsPerSecond = max(0, maximumPacketsPerSecond)
            self.symmetric = symmetric
            self.telephoneEventPayloadType = telephoneEventPayloadType
            self.limits = limits
        }
    }

    /// The socket a datagram arrived on, or the protocol it was handled as.
    public enum Port: String, Sendable, Hashable {
        /// RTP (the even port).
        case rtp
        /// RTCP (the odd port, or RTCP multiplexed on the RTP port).
        case rtcp
    }

    /// What the caller must do.
    public enum Action: Sendable, Hashable {
        /// Report the datagram (admitted by the rate limit) to the observer, as this protocol.
        case observe(Port)
        /// Send RTP to this address from now on.
        case latchRTP(Address)
        /// Send RTCP to this address from now on.
        case latchRTCP(Address)
        /// A valid RTP packet from the remote: record it if recording.
        case record(RTPPacket)
        /// A telephone-event ended (or was inferred to have ended).
        case digit(TelephoneEventReceiver.Detected)
    }

    /// What has been received so far.
    public struct Statistics: Sendable, Hashable {
        /// RTP datagrams admitted.
        public var rtpReceived = 0
        /// RTCP datagrams admitted.
        public var rtcpReceived = 0
        /// Datagrams dropped by the rate limit.
        public var droppedByRateLimit = 0
        /// RTP datagrams that did not parse.
        public var malformedRTP = 0
        /// RTCP datagrams that did not parse.
        public var malformedRTCP = 0
        /// Valid RTP from a source other than the latched one.
        public var foreignPackets = 0
        /// Telephone-events delivered.
        public var digitsReceived = 0
        /// Whether an RTCP BYE arrived.
        public var receivedBye = false
        /// The remote's SSRC, once seen.
        public var remoteSSRC: UInt32?
        /// Sequence, loss and jitter of the remote's stream.
        public var reception: RTPReceptionStatistics?

        /// Creates empty statistics.
        public init() {}
    }

    private struct RateWindow: Sendable {
        var start: Int64 = .min
        var count = 0

        mutating func admit(at now: Int64, limit: Int) -> Bool {
            if self.start == .min || now &- self.start >= 1_000_000_000 || now < self.start {
                self.start = now
                self.count = 0
            }
            self.count += 1
            return self.count <= limit
        }
    }

    /// The parameters.
    public let configuration: Configuration

    /// What has been received so far.
    public private(set) var statistics = Statistics()

    /// The latched RTP source, once one is.
    public private(set) var latchedRTP: Address?

    /// The latched RTCP source, once one is.
    public private(set) var latchedRTCP: Address?

    private var rtpWindow = RateWindow()
    private var rtcpWindow = RateWindow()
    private var events = TelephoneEventReceiver()
    private var lastSenderReport: (middle: UInt32, arrival: Int64)?

    /// Creates a machine that has received nothing.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// One datagram arrived.
    ///
    /// - Parameters:
    ///   - datagram: Its bytes.
    ///   - source: Where it came from.
    ///   - port: The socket it arrived on.
    ///   - now: The arrival instant, nanoseconds on the caller's monotonic clock.
    public mutating func received(
        _ datagram: ByteBuffer,
        from source: Address,
        on port: Port,
        at now: Int64
    ) -> [Action] {
        let admitted: Bool
        switch port {
        case .rtp: admitted = self.rtpWindow.admit(at: now, limit: self.configuration.maximumPacketsPerSecond)
        case .rtcp: admitted = self.rtcpWindow.admit(at: now, limit: self.configuration.maximumPacketsPerSecond)
        }
        guard admitted else {
            self.statistics.droppedByRateLimit += 1
            return []
        }
        if port == .rtcp || RTPPacket.looksLikeRTCP(datagram) {
            return self.receivedRTCP(datagram, from: source, at: now)
        }
        return self.receivedRTP(datagram, from: source, at: now)
    }

    /// The call ended: delivers a telephone-event still in progress, if any.
    public mutating func finish() -> [Action] {
        guard let detected = self.events.finish() else {
            return []
        }
        self.statistics.digitsReceived += 1
        return [.digit(detected)]
    }

    /// A report block on the remote's stream for an RTCP SR or RR, with LSR and DLSR from its last SR; `nil`
    /// before any RTP arrived. Starts a new interval for the fraction lost.
    public mutating func makeReportBlock(at now: Int64) -> RTCPReportBlock? {
        guard let ssrc = self.statistics.remoteSSRC, var reception = self.statistics.reception else {
            return nil
        }
        var lsr: UInt32 = 0
        var dlsr: UInt32 = 0
        if let last = self.lastSenderReport {
            lsr = last.middle
            let delay = max(0, now &- last.arrival)
            dlsr = UInt32(truncatingIfNeeded: delay / 1_000 * 65_536 / 1_000_000)
        }
        let block = reception.makeReportBlock(ssrc: ssrc, lastSenderReport: lsr, delaySinceLastSenderReport: dlsr)
        self.statistics.reception = reception
        return block
    }

    private mutating func receivedRTP(_ datagram: ByteBuffer, from source: Address, at now: Int64) -> [Action] {
        self.statistics.rtpReceived += 1
        var actions: [Action] = [.observe(.rtp)]
        let packet: RTPPacket
        do {
            packet = try RTPPacket(parsing: datagram, limits: self.configuration.limits)
        } catch {
            self.statistics.malformedRTP += 1
            return actions
        }
        if let latched = self.latchedRTP {
            guard latched == source else {
                self.statistics.foreignPackets += 1
                return actions
            }
        } else if self.configuration.symmetric {
            self.latchedRTP = source
            actions.append(.latchRTP(source))
        }
        if self.statistics.remoteSSRC != packet.ssrc || self.statistics.reception == nil {
            self.statistics.remoteSSRC = packet.ssrc
            self.statistics.reception = RTPReceptionStatistics(
                firstSequenceNumber: packet.sequenceNumber,
                probation: 0
            )
        } else {
            _ = self.statistics.reception?.received(sequenceNumber: packet.sequenceNumber)
        }
        // Arrival in 8 kHz timestamp units (only differences matter).
        self.statistics.reception?.arrived(
            timestamp: packet.timestamp,
            arrival: UInt32(truncatingIfNeeded: now / 125_000)
        )
        if packet.payloadType == self.configuration.telephoneEventPayloadType,
            let event = try? TelephoneEvent(parsing: packet.payload)
        {
            for detected in self.events.received(event, timestamp: packet.timestamp) {
                self.statistics.digitsReceived += 1
                actions.append(.digit(detected))
            }
        }
        actions.append(.record(packet))
        return actions
    }

    private mutating func receivedRTCP(_ datagram: ByteBuffer, from source: Address, at now: Int64) -> [Action] {
        self.statistics.rtcpReceived += 1
        var actions: [Action] = [.observe(.rtcp)]
        let packets: [RTCPPacket]
        do {
            packets = try RTCPPacket.parseCompound(datagram, limits: self.configuration.limits)
        } catch {
            self.statistics.malformedRTCP += 1
            return actions
        }
        if self.latchedRTCP == nil, self.configuration.symmetric {
            self.latchedRTCP = source
            actions.append(.latchRTCP(source))
        }
        for packet in packets {
            switch packet {
            case .senderReport(let report):
                self.lastSenderReport = (UInt32(truncatingIfNeeded: report.ntpTimestamp >> 16), now)
            case .bye:
                self.statistics.receivedBye = true
            case .receiverReport, .sourceDescription, .other:
                break
            }
        }
        return actions
    }
}
