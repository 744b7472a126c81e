public import Behaviour

/// Runs a behaviour profile (paper §VI-A) for one call: the ``CallController`` that replaces
/// ``BuiltInCallPolicy`` when a profile is active. A pure adapter between the stack's call events and
/// commands and ``BehaviourMachine``'s inputs and actions (the mapping table is in the Behaviour module's
/// documentation, "Driving a machine").
///
/// - Timers: a machine timer `name` of generation `g` is the stack timer `name#g`, so a restarted timer never
///   meets a stale expiry.
/// - `OpChallenge`: ``CallCommand/challenge(realm:)``; the stack answers 401 with a Digest challenge, or 403
///   to an INVITE that already carries credentials (the credentials stay in the trace store), so a scanner
///   retrying with a password never loops.
/// - `OpInvestigate`: a note only, because the running honeyphone investigates every request (the operator
///   marks where the profile wants it; a profile without it changes nothing).
/// - State changes and operators without a stack effect become ``CallCommand/note(_:)`` lines of the call's
///   log; media operators become ``CallCommand/media(_:)``.
public struct BehaviourCallController: CallController {
    private var machine: BehaviourMachine

    /// A controller running `profile` with `configuration`; `seed` makes a `Randomized` profile reproducible.
    public init(profile: BehaviourProfile, configuration: BehaviourMachine.Configuration = .init(), seed: UInt64) {
        self.machine = BehaviourMachine(profile: profile, configuration: configuration, seed: seed)
    }

    /// The machine's current state (for tests and status).
    public var stateName: String { self.machine.currentStateName }

    public mutating func start(_ call: IncomingCall) -> [CallCommand] {
        Self.commands(self.machine.start(call: BehaviourCall(callID: call.callID, method: "INVITE")))
    }

    public mutating func handle(_ event: CallEvent) -> [CallCommand] {
        let actions: [BehaviourAction]
        switch event {
        case .timer(let key):
            guard let timer = Self.timer(key) else { return [] }
            actions = self.machine.timerFired(timer)
        case .established:
            actions = self.machine.received(request: "ACK")
        case .cancelled:
            actions = self.machine.received(request: "CANCEL")
        case .remoteHangUp:
            actions = self.machine.received(request: "BYE")
        case .reinvited:
            actions = self.machine.received(request: "INVITE", isReinvite: true)
        case .ackTimeout:
            actions = self.machine.callEnded(.ackTimeout)
        case .dtmf(let digit):
            actions = self.machine.dtmf(digit)
        case .request(let method):
            actions = self.machine.received(request: method)
        }
        return Self.commands(actions)
    }

    /// The stack commands of machine actions, in order.
    static func commands(_ actions: [BehaviourAction]) -> [CallCommand] {
        var commands: [CallCommand] = []
        commands.reserveCapacity(actions.count)
        for action in actions {
            switch action {
            case .ring: commands.append(.ring)
            case .answer: commands.append(.answer)
            case .reject(let status, let reason): commands.append(.reject(status: status, reason: reason))
            case .redirect(let uri): commands.append(.redirect(contact: uri))
            case .challenge(let realm): commands.append(.challenge(realm: realm))
            case .hangUp: commands.append(.hangUp)
            case .startTimer(let timer, let after): commands.append(.startTimer(timer.description, after: after))
            case .cancelTimer(let timer): commands.append(.cancelTimer(timer.description))
            case .play(let file, let limit): commands.append(.media(.play(file: file, limit: limit)))
            case .stopPlay: commands.append(.media(.stopPlay))
            case .record(let limit): commands.append(.media(.record(limit: limit)))
            case .stopRecord: commands.append(.media(.stopRecord))
            case .sendDTMF(let digits): commands.append(.media(.sendDTMF(digits)))
            case .investigate: commands.append(.note("OpInvestigate"))
            case .transitioned(let from, let to): commands.append(.note("state \(from) -> \(to)"))
            case .log(let name, let detail):
                commands.append(.note(detail.isEmpty ? name.rawValue : "\(name.rawValue): \(detail)"))
            case .boundReached(let bound): commands.append(.note("behaviour bound reached: \(bound.rawValue)"))
            }
        }
        return commands
    }

    /// `name#generation` back to a machine timer.
    static func timer(_ key: String) -> BehaviourTimer? {
        guard let hash = key.lastIndex(of: "#"), let generation = UInt64(key[key.index(after: hash)...]) else {
            return nil
        }
        return BehaviourTimer(name: String(key[..<hash]), generation: generation)
    }
}
