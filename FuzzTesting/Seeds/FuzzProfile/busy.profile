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
