/// Reception statistics for one RTP source: sequence number extension, loss and interarrival jitter, exactly as
/// RFC 3550 Appendix A.1 (`update_seq`), A.3 (loss, fraction lost) and A.8 (jitter, integer form) compute them.
///
/// It is a pure value: feed it each packet's sequence number with ``received(sequenceNumber:)``, and each
/// packet's timestamp with its arrival time (in the same timestamp units, from a clock the caller owns) with
/// ``arrived(timestamp:arrival:)``; ask it for a ``RTCPReportBlock`` when an SR or RR is due.
///
/// Until ``probation`` packets have arrived in sequence the source is not valid and packets are not counted (A.1,
/// `MIN_SEQUENTIAL`). A jump of more than ``maximumDropout`` sequence numbers is taken as a restart only when the
/// next packet follows it (`bad_seq`).
public struct RTPReceptionStatistics: Sendable, Hashable {
    /// `MAX_DROPOUT` of A.1: the largest forward jump still taken as loss. 3,000.
    public static let maximumDropout: UInt16 = 3_000

    /// `MAX_MISORDER` of A.1: how far back a packet may be and still count as reordered. 100.
    public static let maximumMisorder: UInt16 = 100

    private static let sequenceModulus: UInt32 = 1 << 16

    /// The highest sequence number seen (`max_seq`).
    public private(set) var maximumSequenceNumber: UInt16

    /// The count of sequence number wrap-arounds, shifted left 16 (`cycles`).
    public private(set) var cycles: UInt32

    /// The first sequence number of the valid stream (`base_seq`).
    public private(set) var baseSequenceNumber: UInt32

    private var badSequenceNumber: UInt32

    /// How many more in-sequence packets are needed before the source is valid (`probation`).
    public private(set) var probation: Int

    /// Packets counted as received (`received`).
    public private(set) var receivedCount: UInt32

    private var expectedPrior: UInt32
    private var receivedPrior: UInt32

    private var transit: UInt32?

    /// The jitter estimate times 16 (A.8, integer form); ``jitter`` is this shifted right by four.
    public private(set) var scaledJitter: UInt32

    /// Starts statistics at the first packet's sequence number.
    ///
    /// - Parameters:
    ///   - firstSequenceNumber: The first packet's sequence number.
    ///   - probation: How many in-sequence packets make the source valid (`MIN_SEQUENTIAL`, 2 in A.1); 0 makes it
    ///     valid at once and counts this first packet.
    public init(firstSequenceNumber: UInt16, probation: Int = 2) {
        self.maximumSequenceNumber = firstSequenceNumber
        self.cycles = 0
        self.baseSequenceNumber = UInt32(firstSequenceNumber)
        self.badSequenceNumber = Self.sequenceModulus + 1
        self.probation = max(0, probation)
        self.receivedCount = 0
        self.expectedPrior = 0
        self.receivedPrior = 0
        self.transit = nil
        self.scaledJitter = 0
        if self.probation > 0 {
            // A.1: "s->max_seq = seq - 1; s->probation = MIN_SEQUENTIAL;" the first packet is then fed in.
            self.maximumSequenceNumber = firstSequenceNumber &- 1
            _ = self.received(sequenceNumber: firstSequenceNumber)
        } else {
            self.receivedCount = 1
        }
    }

    private mutating func restart(at sequenceNumber: UInt16) {
        self.baseSequenceNumber = UInt32(sequenceNumber)
        self.maximumSequenceNumber = sequenceNumber
        self.badSequenceNumber = Self.sequenceModulus + 1
        self.cycles = 0
        self.receivedCount = 0
        self.receivedPrior = 0
        self.expectedPrior = 0
    }

    /// Feeds one packet's sequence number (A.1 `update_seq`).
    ///
    /// - Returns: `true` if the packet is counted (the source is valid and the number is plausible); `false` while
    ///   on probation or after a very large jump, which the next packet may confirm as a restart.
    public mutating func received(sequenceNumber: UInt16) -> Bool {
        let delta = sequenceNumber &- self.maximumSequenceNumber
        if self.probation > 0 {
            if sequenceNumber == self.maximumSequenceNumber &+ 1 {
                self.probation -= 1
                self.maximumSequenceNumber = sequenceNumber
                if self.probation == 0 {
                    self.restart(at: sequenceNumber)
                    self.receivedCount &+= 1
                    return true
                }
            } else {
                self.probation = 1
                self.maximumSequenceNumber = sequenceNumber
            }
            return false
        } else if delta < Self.maximumDropout {
            if sequenceNumber < self.maximumSequenceNumber {
                self.cycles &+= Self.sequenceModulus
            }
            self.maximumSequenceNumber = sequenceNumber
        } else if UInt32(delta) <= Self.sequenceModulus - UInt32(Self.maximumMisorder) {
            if UInt32(sequenceNumber) == self.badSequenceNumber {
                self.restart(at: sequenceNumber)
            } else {
                self.badSequenceNumber = (UInt32(sequenceNumber) + 1) & (Self.sequenceModulus - 1)
                return false
            }
        } else {
            // A duplicate or a reordered packet: counted, max_seq unchanged.
        }
        self.receivedCount &+= 1
        return true
    }

    /// Feeds one packet's RTP timestamp and its arrival time, both in timestamp units (A.8).
    ///
    /// - Parameters:
    ///   - timestamp: The packet's RTP timestamp.
    ///   - arrival: The arrival time in the same units (e.g. elapsed nanoseconds × clock rate / 10⁹, truncated
    ///     to 32 bits); only differences matter.
    public mutating func arrived(timestamp: UInt32, arrival: UInt32) {
        let transit = arrival &- timestamp
        if let previous = self.transit {
            let difference = Int32(bitPattern: transit &- previous)
            let d = difference.magnitude
            // J += |D| - ((J + 8) >> 4), all scaled by 16.
            self.scaledJitter = self.scaledJitter &+ d &- ((self.scaledJitter &+ 8) >> 4)
        }
        self.transit = transit
    }

    /// The interarrival jitter in timestamp units, as reported in RTCP.
    public var jitter: UInt32 {
        self.scaledJitter >> 4
    }

    /// The extended highest sequence number received (cycles plus `max_seq`).
    public var extendedHighestSequenceNumber: UInt32 {
        self.cycles &+ UInt32(self.maximumSequenceNumber)
    }

    /// The number of packets expected (A.3): extended highest minus base plus one.
    public var expectedCount: UInt32 {
        self.extendedHighestSequenceNumber &- self.baseSequenceNumber &+ 1
    }

    /// The cumulative number of packets lost (A.3), clamped to the signed 24-bit range of a report block.
    public var cumulativeLost: Int32 {
        let lost = Int64(self.expectedCount) - Int64(self.receivedCount)
        return Int32(min(max(lost, -8_388_608), 8_388_607))
    }

    /// Builds a report block for this source and starts a new interval for the fraction lost (A.3).
    ///
    /// - Parameters:
    ///   - ssrc: The source's SSRC.
    ///   - lastSenderReport: LSR: the middle 32 bits of the last SR's NTP timestamp from this source, or 0.
    ///   - delaySinceLastSenderReport: DLSR in 1/65536 s, or 0.
    public mutating func makeReportBlock(
        ssrc: UInt32,
        lastSenderReport: UInt32 = 0,
        delaySinceLastSenderReport: UInt32 = 0
    ) -> RTCPReportBlock {
        let expected = self.expectedCount
        let expectedInterval = expected &- self.expectedPrior
        self.expectedPrior = expected
        let receivedInterval = self.receivedCount &- self.receivedPrior
        self.receivedPrior = self.receivedCount
        let lostInterval = Int64(expectedInterval) - Int64(receivedInterval)
        var fraction: UInt8 = 0
        if expectedInterval != 0, lostInterval > 0 {
            fraction = UInt8(truncatingIfNeeded: min((lostInterval << 8) / Int64(expectedInterval), 255))
        }
        return RTCPReportBlock(
            ssrc: ssrc,
            fractionLost: fraction,
            cumulativeLost: self.cumulativeLost,
            extendedHighestSequenceNumber: self.extendedHighestSequenceNumber,
            jitter: self.jitter,
            lastSenderReport: lastSenderReport,
            delaySinceLastSenderReport: delaySinceLastSenderReport
        )
    }
}
