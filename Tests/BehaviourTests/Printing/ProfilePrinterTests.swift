import Behaviour
import Testing

@Suite struct ProfilePrinterTests {
    @Test func choicesShowTheTargetsOfTheirOperators() throws {
        let profile = try Fixtures.load(
            """
            Mode : Randomized
            Idle { INVITE/choose(2: OpRing, 1: OpAnswerCall -> Idle, 1: OpInvestigate), exit/OpEndCall }
            Ringing { entry/OpStartRing(exponential(4)) }
            """
        )
        #expect(
            ProfilePrinter.render(profile) == """
                Mode : Randomized
                # 2 states, 3 rules; initial state: Idle

                Idle {
                    INVITE/choose(2: OpRing, 1: OpAnswerCall -> Idle, 1: OpInvestigate),  # OpRing -> Ringing
                    exit/OpEndCall,
                }

                Ringing {
                    entry/OpStartRing(exponential(4)),
                }

                """
        )
        #expect(profile.description == ProfilePrinter.render(profile))
    }

    @Test func numbersPrintWithoutExponents() throws {
        let profile = try Fixtures.load(
            "Mode : Randomized\nIdle { INVITE/OpStartRing(uniform(0.0000001, 1000000000)), "
                + "BYE/choose(0.25: OpDelay(-0), 1.5: OpDelay(.5)) }"
        )
        let text = ProfilePrinter.render(profile)
        #expect(text.contains("OpStartRing(uniform(0.0000001, 1000000000))"))
        #expect(text.contains("BYE/choose(0.25: OpDelay(0), 1.5: OpDelay(0.5))"))
        #expect(ProfilePrinter.render(try Fixtures.load(text)) == text)
        #expect(Fixtures.error("Mode : Randomized\nIdle { INVITE/OpDelay(1000000001) }")?.code == .outOfRange)
    }
}
