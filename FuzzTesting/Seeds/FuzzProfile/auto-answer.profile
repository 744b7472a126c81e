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
