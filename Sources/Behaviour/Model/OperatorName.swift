/// The closed catalogue of operators: every operator of the paper's Fig. 4 and section VI, and those a
/// honeypot needs. Names compare case-insensitively (`OpstartCallWaiting` in Fig. 4 is
/// ``opStartCallWaiting``). ``spec`` gives each one's arguments, effect and usual target; the module
/// documentation has the full catalogue.
public enum OperatorName: String, Sendable, Hashable, CaseIterable {
    /// `OpOnHook`: the phone goes on hook; hangs up. Moves to Idle.
    case opOnHook = "OpOnHook"
    /// `OpRing`: rings (180) and arms `timeout` (and `offhook` with auto-offhook). Moves to Ringing.
    case opRing = "OpRing"
    /// `OpStartRing(s)`: rings and arms `ringtimeout` after `s` seconds.
    case opStartRing = "OpStartRing"
    /// `OpStarDialing`: the phone starts dialing (noted). Moves to Dialing.
    case opStarDialing = "OpStarDialing"
    /// `OpRingingInvite`: a re-INVITE while ringing (noted).
    case opRingingInvite = "OpRingingInvite"
    /// `OpCwRing`: a call-waiting ring (noted).
    case opCwRing = "OpCwRing"
    /// `OpRingCancel`: stops ringing and gives up the call (480). Moves to Idle.
    case opRingCancel = "OpRingCancel"
    /// `OpAnswerCall`: answers (200 with SDP). Moves to InCall.
    case opAnswerCall = "OpAnswerCall"
    /// `OpAddDigit`: a dialled DTMF digit (noted).
    case opAddDigit = "OpAddDigit"
    /// `OpInviteUrl`: would place the dialled call (noted). Moves to Trying.
    case opInviteUrl = "OpInviteUrl"
    /// `OpStartRingBackTone`: ring-back on 180 (noted).
    case opStartRingBackTone = "OpStartRingBackTone"
    /// `OpRedirect([uri])`: redirects the call (302) to the URI; without one, notes a redirection received.
    case opRedirect = "OpRedirect"
    /// `OpEndCall`: hangs up. Moves to Idle.
    case opEndCall = "OpEndCall"
    /// `OpFarEndAnswered`: the far end answered (noted). Moves to InCall.
    case opFarEndAnswered = "OpFarEndAnswered"
    /// `OpTerminateCall`: hangs up. Moves to Idle.
    case opTerminateCall = "OpTerminateCall"
    /// `OpFwdDigit`: a DTMF digit during the call (noted).
    case opFwdDigit = "OpFwdDigit"
    /// `OpReinvite`: a re-INVITE during the call (noted; the stack answers it).
    case opReinvite = "OpReinvite"
    /// `OpStartCallWaiting`: call waiting on flash (noted).
    case opStartCallWaiting = "OpStartCallWaiting"
    /// `OpRecord([s])`: records the call, for at most `s` seconds.
    case opRecord = "OpRecord"
    /// `OpPlayFile(file[, s])`: plays a file, for at most `s` seconds.
    case opPlayFile = "OpPlayFile"
    /// `OpInvestigate`: starts the investigation of the INVITE (§VI-B).
    case opInvestigate = "OpInvestigate"
    /// `OpReject(status[, reason])`: rejects the call with a final status.
    case opReject = "OpReject"
    /// `OpChallenge(realm)`: challenges for digest credentials in the realm.
    case opChallenge = "OpChallenge"
    /// `OpDelay(s)`: defers the following rules for the same event by `s` seconds.
    case opDelay = "OpDelay"
    /// `OpHangupAfter(s)`: hangs up after `s` seconds, whatever the state.
    case opHangupAfter = "OpHangupAfter"
    /// `OpSendDTMF(digits)`: sends DTMF digits.
    case opSendDTMF = "OpSendDTMF"
    /// `OpStopPlay`: stops playing.
    case opStopPlay = "OpStopPlay"
    /// `OpStopRecord`: stops recording.
    case opStopRecord = "OpStopRecord"
    /// `OpStartTimer(name, s)`: arms the named timer; its expiry is the event `name`.
    case opStartTimer = "OpStartTimer"
    /// `OpCancelTimer(name)`: disarms the named timer.
    case opCancelTimer = "OpCancelTimer"
    /// `OpOffHookAfter(s)`: generates `offhook` after `s` seconds.
    case opOffHookAfter = "OpOffHookAfter"
    /// `OpOnHookAfter(s)`: generates `onhook` after `s` seconds.
    case opOnHookAfter = "OpOnHookAfter"

    /// The operator named `name`, ignoring ASCII case.
    public init?(caseInsensitive name: String) {
        guard let found = Self.byLowercasedName[ASCII.lowercased(name)] else { return nil }
        self = found
    }

    private static let byLowercasedName: [String: OperatorName] = {
        var table: [String: OperatorName] = [:]
        for name in OperatorName.allCases {
            table[ASCII.lowercased(name.rawValue)] = name
        }
        return table
    }()
}

/// The kind of value a parameter takes.
public enum ParameterType: String, Sendable, Hashable {
    /// Seconds: a non-negative number, or a distribution in a `Randomized` profile.
    case seconds
    /// A final status code, an integer from 400 to 699.
    case status
    /// Text: a bare word, a number or a quoted string.
    case text
    /// A file name: a bare word (`speech0.mp3`) or a quoted string.
    case file
    /// A SIP URI: `sip:…`, `sips:…` or `tel:…`, bare or quoted.
    case uri
    /// A timer name: a letter, then letters, digits or `_`.
    case timer
    /// DTMF digits: `0`–`9`, `*`, `#`, `A`–`D` (quote `#`, which otherwise starts a comment).
    case digits
}

/// One parameter of an operator.
public struct ParameterSpec: Sendable, Hashable {
    /// The parameter's name, for docs and errors.
    public var name: String
    /// What it takes.
    public var type: ParameterType
    /// Whether it may be left out (it is then ``ArgumentValue/absent``).
    public var isOptional: Bool
}

/// What the catalogue says about an operator.
public struct OperatorSpec: Sendable, Hashable {
    /// The parameters in order.
    public var parameters: [ParameterSpec]
    /// The state the operator moves to when the rule names none, if that state exists in the profile
    /// (compared case-insensitively) and is not the current one.
    public var implicitTarget: String?
    /// One sentence on what it does.
    public var summary: String
}

extension OperatorName {
    /// The operator's signature, implicit target and summary.
    public var spec: OperatorSpec {
        func p(_ name: String, _ type: ParameterType, optional: Bool = false) -> ParameterSpec {
            ParameterSpec(name: name, type: type, isOptional: optional)
        }
        switch self {
        case .opOnHook:
            return OperatorSpec(parameters: [], implicitTarget: "Idle", summary: "puts the phone on hook: hangs up")
        case .opRing:
            return OperatorSpec(
                parameters: [],
                implicitTarget: "Ringing",
                summary: "rings (180) and arms 'timeout' (and 'offhook' when auto-offhook is configured)"
            )
        case .opStartRing:
            return OperatorSpec(
                parameters: [p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "rings (180) and arms 'ringtimeout' after the given seconds"
            )
        case .opStarDialing:
            return OperatorSpec(parameters: [], implicitTarget: "Dialing", summary: "starts dialing (noted only)")
        case .opRingingInvite, .opCwRing, .opStartRingBackTone, .opReinvite, .opStartCallWaiting:
            return OperatorSpec(parameters: [], implicitTarget: nil, summary: "noted only: the stack does the SIP work")
        case .opRingCancel:
            return OperatorSpec(parameters: [], implicitTarget: "Idle", summary: "stops ringing and gives up the call")
        case .opAnswerCall:
            return OperatorSpec(parameters: [], implicitTarget: "InCall", summary: "answers (200 with SDP)")
        case .opAddDigit, .opFwdDigit:
            return OperatorSpec(parameters: [], implicitTarget: nil, summary: "notes the DTMF digit received")
        case .opInviteUrl:
            return OperatorSpec(
                parameters: [],
                implicitTarget: "Trying",
                summary: "would place the dialled call (noted)"
            )
        case .opRedirect:
            return OperatorSpec(
                parameters: [p("uri", .uri, optional: true)],
                implicitTarget: nil,
                summary: "redirects the call (302) to the URI; without one, notes the redirection received"
            )
        case .opEndCall, .opTerminateCall:
            return OperatorSpec(parameters: [], implicitTarget: "Idle", summary: "hangs up (BYE, or 480 before answer)")
        case .opFarEndAnswered:
            return OperatorSpec(parameters: [], implicitTarget: "InCall", summary: "the far end answered (noted)")
        case .opRecord:
            return OperatorSpec(
                parameters: [p("seconds", .seconds, optional: true)],
                implicitTarget: nil,
                summary: "records the call, for at most the given seconds"
            )
        case .opPlayFile:
            return OperatorSpec(
                parameters: [p("file", .file), p("seconds", .seconds, optional: true)],
                implicitTarget: nil,
                summary: "plays the file, for at most the given seconds"
            )
        case .opInvestigate:
            return OperatorSpec(parameters: [], implicitTarget: nil, summary: "starts the investigation of the INVITE")
        case .opReject:
            return OperatorSpec(
                parameters: [p("status", .status), p("reason", .text, optional: true)],
                implicitTarget: nil,
                summary: "rejects the call with a final status and reason phrase"
            )
        case .opChallenge:
            return OperatorSpec(
                parameters: [p("realm", .text)],
                implicitTarget: nil,
                summary: "challenges for credentials (401/407 with a digest challenge in the realm)"
            )
        case .opDelay:
            return OperatorSpec(
                parameters: [p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "defers the following rules for the same event by the given seconds"
            )
        case .opHangupAfter:
            return OperatorSpec(
                parameters: [p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "hangs up after the given seconds, whatever the state"
            )
        case .opSendDTMF:
            return OperatorSpec(parameters: [p("digits", .digits)], implicitTarget: nil, summary: "sends DTMF digits")
        case .opStopPlay:
            return OperatorSpec(parameters: [], implicitTarget: nil, summary: "stops playing")
        case .opStopRecord:
            return OperatorSpec(parameters: [], implicitTarget: nil, summary: "stops recording")
        case .opStartTimer:
            return OperatorSpec(
                parameters: [p("name", .timer), p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "arms (or re-arms) the named timer; its expiry is the event of that name"
            )
        case .opCancelTimer:
            return OperatorSpec(
                parameters: [p("name", .timer)],
                implicitTarget: nil,
                summary: "disarms the named timer"
            )
        case .opOffHookAfter:
            return OperatorSpec(
                parameters: [p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "generates 'offhook' after the given seconds"
            )
        case .opOnHookAfter:
            return OperatorSpec(
                parameters: [p("seconds", .seconds)],
                implicitTarget: nil,
                summary: "generates 'onhook' after the given seconds"
            )
        }
    }
}
