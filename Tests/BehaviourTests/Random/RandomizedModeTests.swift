import Behaviour
import Testing

@Suite struct RandomizedModeTests {
    static let profile = """
        Mode : Randomized
        Idle {
          INVITE/choose(0.7: OpStartRing(uniform(2,8)), 0.3: OpReject(486)),
        }
        """

    /// The first actions of a call of `profile` with `seed`.
    private func run(_ profile: BehaviourProfile, seed: UInt64) -> [BehaviourAction] {
        var machine = BehaviourMachine(profile: profile, seed: seed)
        return machine.start(call: BehaviourCall())
    }

    /// The `after:` of the first `.startTimer` named `name`, in seconds.
    private func seconds(of name: String, in actions: [BehaviourAction]) -> Double? {
        for action in actions {
            if case .startTimer(let timer, let after) = action, timer.name == name {
                return Double(after.components.seconds) + Double(after.components.attoseconds) * 1e-18
            }
        }
        return nil
    }

    @Test func sameSeedSameRunOtherSeedOtherRun() throws {
        let profile = try Fixtures.load(Self.profile)
        var longer = try Fixtures.load(
            "Mode : Randomized\nIdle { INVITE/OpStartRing(uniform(2, 8)), ringtimeout/OpStartRing(normal(5, 2)),"
                + " ringtimeout/OpStartTimer(t, exponential(2)), t/choose(1: OpSendDTMF(1), 1: OpSendDTMF(2)) }"
        )
        longer.warnings = []
        func script(seed: UInt64) -> [BehaviourAction] {
            var driver = VirtualClockDriver(BehaviourMachine(profile: longer, seed: seed))
            driver.perform(driver.machine.start(call: BehaviourCall()))
            driver.advance(by: .seconds(60))
            return driver.log.map(\.action)
        }
        #expect(script(seed: 42) == script(seed: 42))
        #expect(script(seed: 42) != script(seed: 43))
        let first = (0..<50).map { self.run(profile, seed: $0) }
        let again = (0..<50).map { self.run(profile, seed: $0) }
        let other = (50..<100).map { self.run(profile, seed: $0) }
        #expect(first == again)
        #expect(first != other)
    }

    @Test func chooseFollowsItsWeightsAndUniformStaysInBounds() throws {
        let profile = try Fixtures.load(Self.profile)
        var rings = 0
        var rejects = 0
        for seed in 0..<4_000 as Range<UInt64> {
            let actions = self.run(profile, seed: seed)
            if actions == [.reject(status: 486, reason: nil)] {
                rejects += 1
            } else if let value = self.seconds(of: "ringtimeout", in: actions) {
                rings += 1
                #expect(value >= 2 && value <= 8)
            } else {
                Issue.record("unexpected actions \(actions)")
            }
        }
        let share = Double(rings) / Double(rings + rejects)
        #expect(abs(share - 0.7) < 0.03, "share of rings \(share)")
    }

    @Test(arguments: [
        ("exponential(3)", 3.0),
        ("normal(10, 2)", 10.0),
        ("uniform(1, 5)", 3.0),
    ])
    func samplesHaveTheirMean(_ distribution: String, _ mean: Double) throws {
        let profile = try Fixtures.load("Mode : Randomized\nIdle { INVITE/OpStartRing(\(distribution)) }")
        var total = 0.0
        let count = 10_000
        for seed in 0..<UInt64(count) {
            let value = self.seconds(of: "ringtimeout", in: self.run(profile, seed: seed)) ?? .nan
            #expect(value >= 0)
            total += value
        }
        let sampled = total / Double(count)
        #expect(abs(sampled - mean) / mean < 0.05, "mean \(sampled)")
    }

    @Test func negativeSamplesBecomeZeroAndLongOnesTheMaximum() throws {
        let low = try Fixtures.load("Mode : Randomized\nIdle { INVITE/OpStartRing(normal(0, 5)) }")
        var zeros = 0
        for seed in 0..<1_000 as Range<UInt64> {
            let value = self.seconds(of: "ringtimeout", in: self.run(low, seed: seed)) ?? -1
            #expect(value >= 0)
            if value == 0 { zeros += 1 }
        }
        #expect(zeros > 400 && zeros < 600)

        let high = try Fixtures.load("Mode : Randomized\nIdle { INVITE/OpStartRing(uniform(5000, 6000)) }")
        #expect(self.seconds(of: "ringtimeout", in: self.run(high, seed: 1)) == 3600)
        var machine = BehaviourMachine(
            profile: high,
            configuration: BehaviourMachine.Configuration(maximumDuration: .seconds(10)),
            seed: 1
        )
        #expect(self.seconds(of: "ringtimeout", in: machine.start(call: BehaviourCall())) == 10)
    }
}
