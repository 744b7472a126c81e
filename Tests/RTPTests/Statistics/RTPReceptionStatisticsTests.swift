import RTP
import Testing

@Suite struct RTPReceptionStatisticsTests {
    @Test func countsInOrderPacketsAcrossTheWrap() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 65_530, probation: 0)
        for offset in 1...10 {
            let counted = statistics.received(sequenceNumber: UInt16(truncatingIfNeeded: 65_530 + offset))
            #expect(counted)
        }
        #expect(statistics.receivedCount == 11)
        #expect(statistics.cycles == 65_536)
        #expect(statistics.extendedHighestSequenceNumber == 65_536 + 4)
        #expect(statistics.expectedCount == 11)
        #expect(statistics.cumulativeLost == 0)
    }

    @Test func needsTwoSequentialPacketsOnProbation() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 100)
        #expect(statistics.probation == 1)
        #expect(statistics.receivedCount == 0)
        let counted = statistics.received(sequenceNumber: 101)
        #expect(counted)
        #expect(statistics.probation == 0)
        #expect(statistics.baseSequenceNumber == 101)
        #expect(statistics.receivedCount == 1)
    }

    @Test func measuresLossAndTheFractionLost() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 0, probation: 0)
        // 0…99 with 4, 8, …, 96 missing: 76 of 100 received.
        for sequence in 1..<100 where sequence % 4 != 0 {
            _ = statistics.received(sequenceNumber: UInt16(sequence))
        }
        #expect(statistics.expectedCount == 100)
        #expect(statistics.receivedCount == 76)
        #expect(statistics.cumulativeLost == 24)
        let block = statistics.makeReportBlock(ssrc: 5)
        #expect(block.fractionLost == 61)  // 24 / 100 × 256, truncated
        #expect(block.cumulativeLost == 24)
        #expect(block.extendedHighestSequenceNumber == 99)
        // The next interval loses nothing.
        for sequence in 100..<120 {
            _ = statistics.received(sequenceNumber: UInt16(sequence))
        }
        #expect(statistics.makeReportBlock(ssrc: 5).fractionLost == 0)
    }

    @Test func duplicatesMakeLossNegativeAndTheFractionZero() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 10, probation: 0)
        for _ in 0..<3 {
            _ = statistics.received(sequenceNumber: 10)
        }
        #expect(statistics.cumulativeLost == -3)
        #expect(statistics.makeReportBlock(ssrc: 1).fractionLost == 0)
    }

    @Test func aLargeJumpIsARestartOnlyWhenConfirmed() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 1_000, probation: 0)
        let counted = statistics.received(sequenceNumber: 30_000)
        #expect(!counted)
        #expect(statistics.maximumSequenceNumber == 1_000)
        let confirmed = statistics.received(sequenceNumber: 30_001)
        #expect(confirmed)
        #expect(statistics.baseSequenceNumber == 30_001)
        #expect(statistics.receivedCount == 1)
    }

    @Test func jitterIsZeroForPerfectPacing() {
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 0, probation: 0)
        for n in 0..<100 {
            statistics.arrived(timestamp: UInt32(n * 160), arrival: UInt32(1_000 + n * 160))
        }
        #expect(statistics.jitter == 0)
    }

    @Test func jitterConvergesToTheMeanDeviation() {
        // Arrival alternates 0 and 80 units late: |D| is always 80, so J converges to 80 (A.8: J += (|D| − J)/16).
        var statistics = RTPReceptionStatistics(firstSequenceNumber: 0, probation: 0)
        for n in 0..<400 {
            statistics.arrived(timestamp: UInt32(n * 160), arrival: UInt32(n * 160 + (n % 2) * 80))
        }
        #expect((78...80).contains(statistics.jitter))
        // The floating-point form of A.8 gives the same value after one step: 80 / 16 = 5.
        var one = RTPReceptionStatistics(firstSequenceNumber: 0, probation: 0)
        one.arrived(timestamp: 0, arrival: 0)
        one.arrived(timestamp: 160, arrival: 240)
        #expect(one.jitter == 5)
    }
}
