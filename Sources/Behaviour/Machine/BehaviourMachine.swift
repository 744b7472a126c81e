// The behaviour interpreter: the runnable form of a profile (paper §VI-A, Fig. 4).
//
// Design. The machine is a value owned by one call. Inputs are the call's events (`start`, requests,
// responses, timer fires, DTMF, phone events, media completion, the end of the call); outputs are
// `BehaviourAction`s the driver performs. It never reads a clock or sleeps: every delay is a
// `.startTimer(timer, after:)` action and comes back as `timerFired(timer)`.
//
// One input is handled in four steps:
// 1. Match. The rules of the current state that catch the event; when several patterns match, only the most
//    specific group runs: `DTMF(5)` before `DTMF`, `180` before `18x` before `1xx`, `reINVITE` before
//    `INVITE` (a re-INVITE falls back to `INVITE` rules, as Fig. 4's `Incall { INVITE/OpReinvite }` expects).
// 2. Run. The paper says operators catching the same event "execute in parallel threads"; here they all run,
//    in clause order, and their actions are concatenated. A `choose` picks one alternative with the seeded
//    generator. `OpDelay(s)` stops the run and defers the remaining rules by `s` seconds (a `$delay` timer);
//    they resume only if the machine is still in the same visit of the same state.
// 3. Move. The first rule (in clause order) whose operator has a target wins: its explicit `-> State`, or the
//    operator's usual target (OpRing → Ringing, OpAnswerCall → InCall…) when the profile defines that state
//    and it is not the current one. Moving runs the `exit` rules (their targets are ignored), drops deferred
//    rules of the state, emits `.transitioned`, and runs the `entry` rules of the new state, whose target may
//    move again. At most `maximumTransitionsPerInput` moves happen per input; then `.boundReached`.
// 4. Settle. Once the call is over (the machine emitted `.reject`, `.redirect`, `.challenge` or `.hangUp`, or
//    was given BYE, CANCEL or `callEnded`), the input finishes, media the machine started is stopped, every
//    timer is cancelled, and the machine ignores every later input.

/// A pure interpreter of a ``BehaviourProfile`` for one call: events in, ``BehaviourAction``s out.
///
/// ```swift
/// var machine = BehaviourMachine(profile: profile, seed: 42)
/// run(machine.start(call: BehaviourCall(callID: id)))
/// // later
/// run(machine.timerFired(timer))
/// ```
public struct BehaviourMachine: Sendable {
    /// The profile being run.
    public let profile: BehaviourProfile
    /// The configuration.
    public let configuration: Configuration
    private var state: State
    /// The generator of every random value (seeded).
    var random: SplitMix64

    /// The machine's life: before `start`, during the call, after it.
    enum State {
        /// Before ``start(call:)``.
        case waiting
        /// During the call.
        case running(Running)
        /// After the call; every input is ignored.
        case finished(lastState: Int)
        /// Transient, while an input is handled (avoids copy-on-write of the payload).
        case modifying
    }

    /// The data of a running call.
    struct Running {
        /// The call being driven.
        var call: BehaviourCall
        /// The current state (an index into the profile's states).
        var current = 0
        /// Counts state entries, so deferred rules of an earlier visit are recognised.
        var visit: UInt64 = 0
        /// Armed timers: name to generation.
        var timers: [String: UInt64] = [:]
        /// Deferred rules by the generation of their `$delay` timer.
        var delays: [UInt64: Continuation] = [:]
        /// The last timer generation handed out.
        var generation: UInt64 = 0
        /// Inputs handled so far (bounded by the configuration).
        var inputs = 0
        /// Whether `.ring` was emitted.
        var rang = false
        /// Whether `.answer` was emitted.
        var answered = false
        /// Whether a play is running.
        var playing = false
        /// Whether a recording is running.
        var recording = false
        /// Whether the call is over (final response, hang-up, BYE, CANCEL, `callEnded`).
        var callOver = false
        /// The actions of the input being handled.
        var actions: [BehaviourAction] = []

        /// Fresh data for a call.
        init(call: BehaviourCall) {
            self.call = call
        }

        /// A new timer generation.
        mutating func nextGeneration() -> UInt64 {
            self.generation += 1
            return self.generation
        }
    }

    /// Rules deferred by `OpDelay`.
    struct Continuation {
        /// The state the rules belong to.
        var state: Int
        /// The visit they were deferred in.
        var visit: UInt64
        /// The matching rules.
        var rules: [Int]
        /// The first rule still to run.
        var next: Int
        /// The event they catch.
        var occurrence: Occurrence
    }

    /// An event as it happened (a rule's ``BehaviourEvent`` is a pattern over these).
    enum Occurrence: Hashable, CustomStringConvertible {
        /// Entering a state.
        case entry
        /// Leaving a state.
        case exit
        /// A request by method.
        case request(String)
        /// A re-INVITE.
        case reinvite
        /// A response status.
        case response(Int)
        /// A profile timer.
        case timer(String)
        /// A DTMF digit.
        case dtmf(Character)
        /// A phone event.
        case phone(PhoneEvent)
        /// A play or recording finished.
        case media(MediaKind)

        /// The event as the trace shows it.
        var description: String {
            switch self {
            case .entry: return "entry"
            case .exit: return "exit"
            case .request(let method): return method
            case .reinvite: return "reINVITE"
            case .response(let status): return String(status)
            case .timer(let name): return name
            case .dtmf(let digit): return "DTMF \(digit)"
            case .phone(let event): return event.rawValue
            case .media(let kind): return kind == .play ? "playdone" : "recorddone"
            }
        }
    }

    /// A machine for one call. `seed` makes a `Randomized` run reproducible: the same profile, seed and inputs
    /// give the same actions.
    public init(profile: BehaviourProfile, configuration: Configuration = Configuration(), seed: UInt64 = 0) {
        self.profile = profile
        self.configuration = configuration
        self.state = .waiting
        self.random = SplitMix64(seed: seed)
    }

    /// The name of the current state (before `start`, the initial state).
    public var currentStateName: String {
        switch self.state {
        case .waiting, .modifying:
            return self.profile.states.first?.name ?? ""
        case .running(let running):
            return self.profile.states[running.current].name
        case .finished(let lastState):
            return self.profile.states[lastState].name
        }
    }

    /// Whether the call is over and the machine ignores inputs.
    public var isFinished: Bool {
        switch self.state {
        case .finished:
            return true
        case .waiting, .running, .modifying:
            return false
        }
    }

    // MARK: - Inputs

    /// The call starts: enters the initial state (its `entry` rules), then dispatches the call's first request
    /// (`INVITE`). Only the first call does anything.
    public mutating func start(call: BehaviourCall) -> [BehaviourAction] {
        guard case .waiting = self.state, !self.profile.states.isEmpty else { return [] }
        var running = Running(call: call)
        running.inputs = 1
        let target = self.runRules(self.rules(in: 0, for: .entry), from: 0, .entry, &running)
        self.follow(target, &running)
        if !running.callOver {
            self.dispatch(.request(Self.normalizedMethod(call.method)), &running)
        }
        return self.settle(running)
    }

    /// A request of the call arrived: `BYE`, `CANCEL`, `ACK`, `INFO`, a re-INVITE (`isReinvite`)… BYE and
    /// CANCEL end the call (their rules still run, but cannot send `.hangUp`).
    public mutating func received(request method: String, isReinvite: Bool = false) -> [BehaviourAction] {
        let method = Self.normalizedMethod(method)
        return self.handle(isReinvite ? .reinvite : .request(method), endsCall: method == "BYE" || method == "CANCEL")
    }

    /// A response to a request the honeyphone sent arrived (100–699; others are ignored).
    public mutating func received(responseStatus status: Int) -> [BehaviourAction] {
        guard status >= 100 && status <= 699 else { return [] }
        return self.handle(.response(status))
    }

    /// A timer from a `.startTimer` action expired. Stale generations and unknown timers are ignored.
    public mutating func timerFired(_ timer: BehaviourTimer) -> [BehaviourAction] {
        guard case .running(var running) = self.state else { return [] }
        self.state = .modifying
        self.fire(timer, &running)
        return self.settle(running)
    }

    /// A DTMF digit arrived (RFC 4733 or SIP INFO): `0`–`9`, `*`, `#`, `A`–`D`; others are ignored.
    public mutating func dtmf(_ digit: Character) -> [BehaviourAction] {
        guard let upper = String(digit).uppercased().first, BehaviourEvent.dtmfDigits.contains(upper) else { return [] }
        return self.handle(.dtmf(upper))
    }

    /// A phone event (the honeyphone's own `onhook`, `offhook`, `flash`, `dialcomplete`).
    public mutating func phone(_ event: PhoneEvent) -> [BehaviourAction] {
        self.handle(.phone(event))
    }

    /// A play or a recording finished by itself (end of file, limit reached): the `playdone`/`recorddone` event.
    public mutating func mediaFinished(_ kind: MediaKind) -> [BehaviourAction] {
        self.handle(.media(kind))
    }

    /// The call ended outside the profile's control: no rule runs; media is stopped and timers cancelled.
    public mutating func callEnded(_ reason: CallEndReason) -> [BehaviourAction] {
        guard case .running(var running) = self.state else { return [] }
        self.state = .modifying
        running.callOver = true
        return self.settle(running)
    }

    private mutating func handle(_ occurrence: Occurrence, endsCall: Bool = false) -> [BehaviourAction] {
        guard case .running(var running) = self.state else { return [] }
        self.state = .modifying
        running.inputs += 1
        if running.inputs > self.configuration.maximumInputsPerCall {
            running.actions.append(.boundReached(.inputsPerCall))
            self.endCall(&running)
            return self.settle(running)
        }
        if endsCall { running.callOver = true }
        if case .media(let kind) = occurrence {
            if kind == .play { running.playing = false } else { running.recording = false }
        }
        self.dispatch(occurrence, &running)
        return self.settle(running)
    }

    /// Stores the running data back, or finishes the call when it is over; returns the input's actions.
    private mutating func settle(_ running: Running) -> [BehaviourAction] {
        var running = running
        guard running.callOver else {
            let actions = running.actions
            running.actions = []
            self.state = .running(running)
            return actions
        }
        var actions = running.actions
        if running.playing { actions.append(.stopPlay) }
        if running.recording { actions.append(.stopRecord) }
        let timers =
            running.timers.map { BehaviourTimer(name: $0.key, generation: $0.value) }
            + running.delays.keys.map { BehaviourTimer(name: "$delay", generation: $0) }
        for timer in timers.sorted(by: { $0.generation < $1.generation }) {
            actions.append(.cancelTimer(timer))
        }
        self.state = .finished(lastState: running.current)
        return actions
    }

    /// Known methods in capitals; other tokens as they are (methods are case-sensitive).
    static func normalizedMethod(_ method: String) -> String {
        let upper = method.uppercased()
        return BehaviourEvent.knownMethods.contains(upper) ? upper : method
    }
}
