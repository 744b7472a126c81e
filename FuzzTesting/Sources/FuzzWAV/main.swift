// libFuzzer target: one WAV file as a profile folder holds it. Parsing, the downmix and the resampler to 8 kHz
// (bounded: at most 64 KiB of data so that each run stays fast). None of it may crash, hang or leak.

import NIOCore
import RTP

@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeRawBufferPointer(start: start, count: count))
    if let file = try? WAVFile(parsing: bytes, limits: WAVLimits(maximumDataSize: 65_536)) {
        blackHole(file.monoSamples(at: 8_000))
        blackHole(WAVFile.encode(samples: file.mono(), sampleRate: file.sampleRate))
    }
    return 0
}
