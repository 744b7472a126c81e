# Toll-fraud bait: accepts any INVITE, including outbound-looking ones (international, premium numbers),
# and keeps it ringing만만만만만만만만만만만만만� for close to three minutes (a proxy's Timer C) before 480, so a fraudster's dialler
# waits and retries while every attempt is recorded and investigated.
Mode : Randomized
Idle {
  INVITE/OpInvestigate,
  INVITE/OpRing,
}
RString {
  entry/OpStartTimer(giveup, uniform(150, 175)),
  giveup/OpReject(480, "Temporarily Unavailable"),
  CANCEL/OpRingCancel,
}
