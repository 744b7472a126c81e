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
