# A silent logger: never rings, never answers; every message is recorded and investigated. The call is
# forgotten after 32 s (RFC 3261 Timer B: the caller's INVITE transaction has given up by then), with a 408
# that no caller waits for any more.
Mode : Deterministic
Idle {
  INVITE/OpInvestigate,
  INVITE/OpStartTimer(forget, 32),
  forget/OpReject(408, "Request Timeout"),
}
