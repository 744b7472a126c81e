/// The profiles shipped with Honeyphone, embedded so `--profile NAME` works from any folder. Each is the text of
/// `Profiles/NAME.profile` in the repository (a test checks they are equal).
enum BuiltInProfiles {
    /// Name and text, in the order `honeyphone profile list` shows them.
    static let all: [(name: String, text: String)] = [
        (
            "auto-answer",
            """
            # Section VI-A: answer automatically after 5 seconds of ringing, play a speech file for 60 seconds and
            # record the conversation; every INVITE is investigated. Hangs up after 90 s if the caller has not.
            Mode : Deterministic
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpRing,
            }
            Ringing {
              entry/OpStartRing(5),
              ringtimeout/OpAnswerCall,
              CANCEL/OpRingCancel,
            }
            InCall {
              entry/OpRecord,
              entry/OpPlayFile(speech0.mp3, 60),
              entry/OpHangupAfter(90),
              DTMF/OpFwdDigit,
              BYE/OpEndCall,
            }
            """ + "\n"
        ),
        (
            "fig4-phone",
            """
            # The paper's Fig. 4: a simplified SIP UA state machine (VOCAL), verbatim. As a honeyphone it rings on an
            # INVITE; 'offhook' never comes unless the machine is configured to generate it, so the ring times out
            # ('timeout', 60 s) and OpRingCancel ends the call with 480.
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
            """ + "\n"
        ),
        (
            "silent-logger",
            """
            # A silent logger: never rings, never answers; every message is recorded and investigated. The call is
            # forgotten after 32 s (RFC 3261 Timer B: the caller's INVITE transaction has given up by then), with a 408
            # that no caller waits for any more.
            Mode : Deterministic
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpStartTimer(forget, 32),
              forget/OpReject(408, "Request Timeout"),
            }
            """ + "\n"
        ),
        (
            "busy",
            """
            # A busy phone: rings for about a second and answers 486 Busy Here (randomized like a person declining).
            Mode : Randomized
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpRing,
            }
            Ringing {
              entry/OpStartTimer(decline, uniform(0.5, 2)),
              decline/OpReject(486, "Busy Here"),
            }
            """ + "\n"
        ),
        (
            "voicemail",
            """
            # A voicemail box: rings 4 s, answers, plays the greeting and records the caller's message for up to
            # 120 s, then hangs up. DTMF the caller sends is logged (people type PINs at voicemail boxes).
            Mode : Deterministic
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpRing,
            }
            Ringing {
              entry/OpStartRing(4),
              ringtimeout/OpAnswerCall,
            }
            InCall {
              entry/OpPlayFile(voicemail-greeting.wav),
              entry/OpRecord(120),
              entry/OpHangupAfter(125),
              DTMF/OpFwdDigit,
              BYE/OpEndCall,
            }
            """ + "\n"
        ),
        (
            "registrar",
            """
            # A registrar/proxy that challenges every INVITE (and every REGISTER: see the README) for credentials and
            # never accepts any: a request carrying credentials gets 403. The credentials tried (user, realm, nonce,
            # response and the other digest inputs) stay in the trace store; `honeyphone credentials` lists them and
            # tests guessed passwords offline.
            Mode : Deterministic
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpChallenge(honeyphone),
              REGISTER/OpChallenge(honeyphone),
            }
            """ + "\n"
        ),
        (
            "toll-fraud-bait",
            """
            # Toll-fraud bait: accepts any INVITE, including outbound-looking ones (international, premium numbers),
            # and keeps it ringing for close to three minutes (a proxy's Timer C) before 480, so a fraudster's dialler
            # waits and retries while every attempt is recorded and investigated.
            Mode : Randomized
            Idle {
              INVITE/OpInvestigate,
              INVITE/OpRing,
            }
            Ringing {
              entry/OpStartTimer(giveup, uniform(150, 175)),
              giveup/OpReject(480, "Temporarily Unavailable"),
              CANCEL/OpRingCancel,
            }
            """ + "\n"
        ),
    ]
}
