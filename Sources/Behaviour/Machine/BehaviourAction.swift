/// What the interpreter asks its driver to do. The driver (the Agent's adapter) maps call actions to
/// `CallCommand`s, media actions to the media engine, timers to its scheduler, and the rest to the trace.
public enum BehaviourAction: Sendable, Hashable {
    /// Ring: send 180 Ringing (emitted once per call).
    case ring
    /// Answer: 200 with SDP (emitted once per call).
    case answer
    /// Reject the pending INVITE with a final status (400–699) and an optional reason phrase. Ends the call.
    case reject(status: Int, reason: String?)
    /// Redirect the pending INVITE (302) to a URI. Ends the call.
    case redirect(uri: String)
    /// Challenge the request for credentials in a realm (401/407 with a digest challenge). Ends this call; a
    /// retry with credentials is a new call for the stack.
    case challenge(realm: String)
    /// Hang up: BYE when answered, otherwise 480 to the pending INVITE. Ends the call.
    case hangUp
    /// Start a timer; give it back with ``BehaviourMachine/timerFired(_:)`` when it expires.
    case startTimer(BehaviourTimer, after: Duration)
    /// Cancel a timer started earlier (a fire that still arrives is ignored anyway).
    case cancelTimer(BehaviourTimer)
    /// Play a file to the caller, for at most `limit` (`nil`: until the file ends).
    case play(file: String, limit: Duration?)
    /// Stop playing.
    case stopPlay
    /// Record the call (both directions), for at most `limit` (`nil`: until the call ends or the driver's bound).
    case record(limit: Duration?)
    /// Stop recording.
    case stopRecord
    /// Send DTMF digits (RFC 4733 or SIP INFO, the driver's choice).
    case sendDTMF(String)
    /// Start the investigation of the call's INVITE (the reconnaissance tools, paper §VI-B).
    case investigate
    /// The machine moved from one state to another (for the trace).
    case transitioned(from: String, to: String)
    /// An operator with no effect on a honeypot's stack ran (`OpStarDialing`, `OpAddDigit`…): for the trace.
    case log(operator: OperatorName, detail: String)
    /// A bound of ``BehaviourMachine/Configuration`` stopped the machine's work on this input.
    case boundReached(BehaviourMachine.Bound)
}

/// A timer of the interpreter: a name and a generation. Re-arming a name makes a new generation, so a stale
/// fire of the old one is ignored.
///
/// Names are the profile's (`timeout`, `ringtimeout`, `offhook`, any `OpStartTimer` name) or internal ones
/// starting with `$` (`$delay` for `OpDelay`, `$hangup` for `OpHangupAfter`), which no profile can write.
public struct BehaviourTimer: Sendable, Hashable, CustomStringConvertible {
    /// The timer's name.
    public var name: String
    /// Which arming of the name this is; unique within one machine.
    public var generation: UInt64

    /// A timer.
    public init(name: String, generation: UInt64) {
        self.name = name
        self.generation = generation
    }

    /// `name#generation`, a key unique within a call (for a driver whose timers are keyed by string).
    public var description: String { "\(self.name)#\(self.generation)" }
}

/// What the interpreter knows of the call it drives.
public struct BehaviourCall: Sendable, Hashable {
    /// The Call-ID, for the driver's bookkeeping.
    public var callID: String
    /// The method of the request that started the call (`INVITE`); it is the first event dispatched.
    public var method: String

    /// A call started by `method`.
    public init(callID: String = "", method: String = "INVITE") {
        self.callID = callID
        self.method = method
    }
}

/// Why a call ended, when the driver tells the machine with ``BehaviourMachine/callEnded(_:)``.
public enum CallEndReason: String, Sendable, Hashable, CaseIterable {
    /// The caller never acknowledged the answer.
    case ackTimeout
    /// A transport or transaction failure.
    case failed
    /// The driver's own reason (shutdown, profile reload).
    case stopped
}
