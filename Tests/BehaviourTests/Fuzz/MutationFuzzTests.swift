import Behaviour
import Testing

/// Deterministic mutation fuzzing of the profile parser, compiler, printer and interpreter: only "must not
/// crash", every error has a valid position and printable evidence, and every profile that loads prints to
/// text that loads again and runs a scripted call without trapping.
@Suite struct MutationFuzzTests {
    /// A tiny deterministic generator for the mutations (xorshift64*).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            self.state ^= self.state >> 12
            self.state ^= self.state << 25
            self.state ^= self.state >> 27
            return Int((self.state &* 0x2545_F491_4F6C_DD1D) >> 33) % max(1, bound)
        }
    }

    static let seeds: [String] = [
        Fixtures.figure4,
        Fixtures.autoAnswer,
        """
        Mode : Randomized
        Idle { INVITE/choose(0.7: OpStartRing(uniform(2,8)), 0.3: choose(1: OpReject(486, "Busy") -> Idle, 2: OpRing)),
               DTMF("#")/OpSendDTMF("1#"), timeout/OpDelay(exponential(2)), timeout/OpRingCancel -> Idle,
               ringtimeout/OpStartTimer(nag, normal(3, 1)), nag/OpRedirect(sip:alice@example.com) }
        Ringing { entry/OpOffHookAfter(2), offhook/OpAnswerCall, exit/OpInvestigate }
        InCall { entry/OpRecord(30), entry/OpPlayFile(speech0.mp3, 60), BYE/OpEndCall, 4xx/OpHangupAfter(1) }
        """,
    ]

    static let interesting: [UInt8] =
        Array("{}(),/#\"->:. \n\t\\0123456789xXaZ_;@".utf8) + [0x00, 0x7F, 0x80, 0xFF, 0xC3]

    static func mutate(_ input: [UInt8], rounds: Int, _ generator: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<rounds {
            let position = generator.next(bytes.count + 1)
            switch generator.next(7) {
            case 0 where position < bytes.count:
                bytes[position] = Self.interesting[generator.next(Self.interesting.count)]
            case 1:
                bytes.insert(Self.interesting[generator.next(Self.interesting.count)], at: position)
            case 2 where position < bytes.count:
                let end = min(bytes.count, position + 1 + generator.next(12))
                bytes.removeSubrange(position..<end)
            case 3 where position < bytes.count:
                let end = min(bytes.count, position + 1 + generator.next(40))
                bytes.insert(contentsOf: bytes[position..<end], at: generator.next(bytes.count + 1))
            case 4:
                bytes = Array(bytes.prefix(position))
            case 5 where position < bytes.count:
                bytes[position] ^= UInt8(1 << generator.next(8))
            default:
                bytes.insert(contentsOf: Array("choose(1: OpRing)".utf8), at: position)
            }
        }
        return bytes
    }

    @Test(arguments: 0..<Self.seeds.count)
    func mutatedProfilesNeverTrap(_ seedIndex: Int) {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(seedIndex))
        let original = Array(Self.seeds[seedIndex].utf8)
        var loaded = 0
        for iteration in 0..<5_000 {
            let rounds = iteration.isMultiple(of: 2) ? 1 : 2 + generator.next(4)
            let bytes = Self.mutate(original, rounds: rounds, &generator)
            do {
                let profile = try BehaviourProfile(parsing: bytes)
                loaded += 1
                self.checkRoundTripAndRun(profile)
            } catch {
                self.checkPosition(error, in: bytes)
            }
        }
        #expect(loaded > 100, "only \(loaded) of 5,000 mutants loaded")
    }

    private func checkPosition(_ error: BehaviourError, in bytes: [UInt8]) {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(error.line >= 1 && error.line <= lines.count, "\(error)")
        if error.line >= 1 && error.line <= lines.count {
            #expect(error.column >= 1 && error.column <= lines[error.line - 1].count + 1, "\(error)")
        }
        #expect(error.offendingText.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(error)")
        #expect(error.offendingText.utf8.count <= 4 * BehaviourError.maximumOffendingTextLength)
    }

    private func checkRoundTripAndRun(_ profile: BehaviourProfile) {
        let text = ProfilePrinter.render(profile)
        do {
            // Warnings quote positions of the original text, so the printer's own output is the fixed point.
            let reloaded = try BehaviourProfile(parsing: text)
            #expect(reloaded.states.map(\.name) == profile.states.map(\.name))
            #expect(reloaded.states.map(\.rules.count) == profile.states.map(\.rules.count))
            let canonical = ProfilePrinter.render(reloaded)
            #expect(ProfilePrinter.render(try BehaviourProfile(parsing: canonical)) == canonical)
        } catch {
            Issue.record("printed profile does not reload: \(error)\n\(text)")
        }
        var driver = VirtualClockDriver(BehaviourMachine(profile: profile, seed: 1))
        driver.perform(driver.machine.start(call: BehaviourCall()))
        driver.advance(by: .seconds(3))
        driver.perform(driver.machine.dtmf("#"))
        driver.perform(driver.machine.received(request: "INVITE", isReinvite: true))
        driver.perform(driver.machine.received(responseStatus: 486))
        driver.perform(driver.machine.phone(.offhook))
        driver.perform(driver.machine.mediaFinished(.play))
        driver.advance(by: .seconds(120))
        driver.perform(driver.machine.received(request: "BYE"))
        #expect(driver.machine.isFinished)
        #expect(driver.pendingTimers.isEmpty)
    }
}
