import Behaviour

/// Profiles used by several suites.
enum Fixtures {
    /// The paper's Fig. 4, verbatim (blank lines, `Trying{`, `Incall`, `OpstartCallWaiting`, trailing commas).
    static let figure4 = """

        Mode : Deterministic
        Idle {
          onhook/OpOnHook,
          INVITE/OpRing,
          offhook/OpStarDialing
        }
        Ringing {
          reINVITE/OpRingingInvite,
          onhook/OpCwRing,
          timeout/OpRingCancel,
          offhook/OpAnswerCall
        }
        Dialing {
          onhook/OpOnHook,
          DTMF/OpAddDigit,
          dialcomplete/OpInviteUrl,
        }
        Trying{
          180/OpStartRingBackTone,
          30x/OpRedirect,
          onhook/OpEndCall,
          200/OpFarEndAnswered,
        }
        Incall{
          onhook/OpTerminateCall,
          BYE/OpEndCall,
          DTMF/OpFwdDigit,
          INVITE/OpReinvite,
          flash/OpstartCallWaiting,
        }
        Calling Error{
          onhook/OpOnHook,
        }

        """

    /// Section VI-A's 5-second auto-answer that records and plays speech for 60 s, with the investigation of
    /// section VI-B.
    static let autoAnswer = """
        Mode : Deterministic
        # Section VI-A: answer after 5 s, record, play speech for 60 s.
        Idle {
          INVITE/OpInvestigate,
          INVITE/OpRing,
        }
        Ringing {
          entry/OpStartRing(5),
          ringtimeout/OpAnswerCall
        }
        InCall {
          entry/OpRecord,
          entry/OpPlayFile(speech0.mp3, 60),
          BYE/OpEndCall,
        }
        """

    /// Loads a profile or fails the test with the error's description.
    static func load(_ text: String) throws -> BehaviourProfile {
        try BehaviourProfile(parsing: text)
    }

    /// The error a profile throws, or `nil` if it loads.
    static func error(_ text: String, limits: BehaviourLimits = BehaviourLimits()) -> BehaviourError? {
        do {
            _ = try BehaviourProfile(parsing: text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// A timer as the machine numbers them.
    static func timer(_ name: String, _ generation: UInt64) -> BehaviourTimer {
        BehaviourTimer(name: name, generation: generation)
    }
}
