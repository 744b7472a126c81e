/// The bounds that ``WAVFile/init(parsing:limits:)`` holds a WAV file to.
///
/// Files come from the operator's profile folders rather than from attackers, but the reader treats them as
/// hostile anyway: every size is checked against what is left and these limits. A negative value is treated as
/// zero.
public struct WAVLimits: Sendable, Hashable {
    /// The largest `data` chunk decoded, in bytes. Default 64 MiB (about 35 minutes of 16 kHz 16-bit stereo).
    public var maximumDataSize: Int

    /// The most RIFF chunks examined before the `data` chunk. Default 64.
    public var maximumChunks: Int

    /// The most channels accepted. Default 8.
    public var maximumChannels: Int

    /// The lowest and highest sample rates accepted, in Hz. Default 1,000…192,000.
    public var sampleRates: ClosedRange<Int>

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        maximumDataSize: Int = 64 * 1_024 * 1_024,
        maximumChunks: Int = 64,
        maximumChannels: Int = 8,
        sampleRates: ClosedRange<Int> = 1_000...192_000
    ) {
        self.maximumDataSize = max(0, maximumDataSize)
        self.maximumChunks = max(0, maximumChunks)
        self.maximumChannels = max(0, maximumChannels)
        self.sampleRates = sampleRates
    }
}
