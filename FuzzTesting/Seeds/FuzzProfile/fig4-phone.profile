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
