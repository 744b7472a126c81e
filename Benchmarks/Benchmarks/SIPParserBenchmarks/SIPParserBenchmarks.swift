// The parse-speed and allocation benchmarks behind the project's speed targets. Every benchmark repeats its body
// 1,000 times per measured iteration (`scalingFactor: .kilo`), so a time or count in the table is per 1,000
// messages: ns per message = the wall-clock figure in µs, and mallocs per message = mallocCountTotal / 1,000.
// The inputs are built before measuring; only parsing (and reading the headers, where the name says so) is timed,
// except in "Answer OPTIONS statelessly" (AnswerBenchmarks.swift), which times the event loop's whole answer to a
// flood's request short of the sockets.

import Benchmark
import NIOCore
import SDP
import SIPCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal, .throughput],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        // The tolerances `thresholds.sh check` applies to the p90 values in Thresholds/<Swift version>/. Counts are
        // per measured iteration (1,000 messages): a few iterations see 16 extra mallocs from outside the parser, so
        // mallocCountTotal allows 50 (0.05 per message); one more malloc per message is +1,000.
        thresholds: [
            .mallocCountTotal: .init(absolute: [.p90: 50]),
            .instructions: .init(relative: [.p90: 2.0]),
        ]
    )
    // The bytes must be exactly the ones the speed targets were set for.
    Benchmark.setup = { try BenchMessages.check() }

    let invite = ByteBuffer(bytes: BenchMessages.invite650)
    let options = ByteBuffer(bytes: BenchMessages.options389)
    let wsinv = ByteBuffer(bytes: BenchMessages.wsinv)
    let inviteSDP =
        invite.getSlice(
            at: invite.readerIndex + BenchMessages.invite650BodyOffset,
            length: BenchMessages.invite650.count - BenchMessages.invite650BodyOffset
        ) ?? ByteBuffer()

    Benchmark("Parse INVITE 650 B") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SIPMessageParser.parseDatagram(invite))
        }
    }

    Benchmark("Parse OPTIONS 389 B") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SIPMessageParser.parseDatagram(options))
        }
    }

    Benchmark("Parse INVITE + read typed headers") { benchmark in
        for _ in benchmark.scaledIterations {
            let message = try SIPMessageParser.parseDatagram(invite)
            blackHole(message.vias)
            blackHole(message.from)
            blackHole(message.to)
            blackHole(message.cseq)
            blackHole(message.callID)
            blackHole(message.contacts)
        }
    }

    Benchmark("Parse SDP of the INVITE") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SDPParser.parse(inviteSDP))
        }
    }

    AnswerBenchmarks.register(options: options)
    StoreBenchmarks.register(options: options)

    Benchmark("Parse RFC 4475 wsinv") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SIPMessageParser.parseDatagram(wsinv))
        }
    }
}
