// libFuzzer target: a behaviour profile file (paper Fig. 4). Parse it; when it loads, print it, parse the print
// again (it must load and print the same, warnings aside), and drive a machine through a scripted call. None of it may crash,
// hang or leak; every error must carry a position inside the input.

import Behaviour

@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The print without its warning lines: a warning names its position in the file it came from, which differs
/// between a file and its print.
func withoutWarnings(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !($0.hasPrefix("# ") && $0.contains(": warning: ")) }.joined(separator: "\n")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    do {
        let profile = try BehaviourProfile(parsing: bytes, fileName: "fuzz.profile")
        let printed = withoutWarnings(ProfilePrinter.render(profile))
        let again = try BehaviourProfile(parsing: printed, fileName: "printed.profile")
        precondition(withoutWarnings(ProfilePrinter.render(again)) == printed, "printing is not stable")
        var machine = BehaviourMachine(profile: profile, seed: UInt64(count))
        var actions = machine.start(call: BehaviourCall(callID: "fuzz"))
        actions += machine.received(request: "ACK")
        actions += machine.dtmf("5")
        for timer in profile.armedTimers.sorted().prefix(8) {
            actions += machine.timerFired(BehaviourTimer(name: timer, generation: 1))
        }
        actions += machine.received(request: "BYE")
        blackHole(actions)
    } catch {
        precondition(error.line >= 1 && error.column >= 1, "an error without a position")
    }
    return 0
}
