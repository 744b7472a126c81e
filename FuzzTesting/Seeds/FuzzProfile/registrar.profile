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
