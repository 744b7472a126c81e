// The verdict-speed and allocation benchmark behind the "inference costs ≤ 5 µs per message". Every
// benchmark repeats its body 1,000 times per measured iteration (`scalingFactor: .kilo`), so a time or count in the
// table is per 1,000 verdicts: ns per verdict = the wall-clock figure in µs, and mallocs per verdict =
// mallocCountTotal / 1,000. The engine and the observation are built before measuring.

import Benchmark
import Inference

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    let engine: VerdictEngine
    do {
        engine = try VerdictEngine(model: .default)
    } catch {
        // The default model is our own constant and a unit test parses it.
        preconditionFailure("the default model does not load: \(error)")
    }
    let observation = BenchObservations.fiveHosts

    Benchmark("Inference: verdict for 5 hosts") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(engine.verdict(for: observation))
        }
    }
}
