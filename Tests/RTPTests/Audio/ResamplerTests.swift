import RTP
import RTPTestSupport
import Testing

@Suite struct ResamplerTests {
    @Test(arguments: [16_000, 44_100, 48_000, 8_000, 11_025])
    func aOneKilohertzToneStaysOneKilohertz(rate: Int) {
        let input = Signal.tone(frequency: 1_000, rate: rate, count: rate)  // one second
        let output = Resampler(inputRate: rate, outputRate: 8_000).resample(input)
        #expect(output.count == 8_000)
        // One second of 1 kHz has 2,000 zero crossings.
        #expect(abs(Signal.zeroCrossings(output) - 2_000) <= 2)
        let at1k = Signal.goertzel(output, frequency: 1_000, rate: 8_000)
        let at900 = Signal.goertzel(output, frequency: 900, rate: 8_000)
        let at1100 = Signal.goertzel(output, frequency: 1_100, rate: 8_000)
        #expect(at1k > 1_000 * at900)
        #expect(at1k > 1_000 * at1100)
        // The level is kept within 0.5 dB (amplitude 10,000 → RMS 7,071) away from the edges.
        let rms = Signal.rms(output[200..<7_800])
        #expect(abs(rms - 7_071) < 7_071 * 0.06)
    }

    @Test func removesWhatWouldAlias() {
        // 6 kHz at 16 kHz would fold to 2 kHz at 8 kHz without the low-pass filter.
        let input = Signal.tone(frequency: 6_000, rate: 16_000, count: 16_000)
        let output = Resampler(inputRate: 16_000, outputRate: 8_000).resample(input)
        #expect(Signal.rms(output[100..<7_900]) < 30)  // about −50 dB below the input's 7,071
        // Linear decimation (every other sample) would alias: the test catches a resampler without a filter.
        let naive = stride(from: 0, to: input.count, by: 2).map { input[$0] }
        #expect(Signal.rms(naive) > 1_000)
    }

    @Test func keepsDC() {
        let output = Resampler(inputRate: 48_000, outputRate: 8_000).resample([Int16](repeating: 1_000, count: 4_800))
        #expect(output.count == 800)
        #expect(output.allSatisfy { $0 == 1_000 })
    }

    @Test func handlesEmptyAndTinyInputs() {
        let resampler = Resampler(inputRate: 44_100, outputRate: 8_000)
        #expect(resampler.resample([]).isEmpty)
        #expect(resampler.resample([1, 2, 3]).isEmpty)
        #expect(Resampler(inputRate: 8_000, outputRate: 16_000).resample([100, 100]).count == 4)
    }
}
