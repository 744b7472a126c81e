#!/usr/bin/env bash
# Interoperability tests of a running Honeyphone against real SIP software (Debian packages):
# Kamailio (registrar with digest auth), SIPp (a call through Kamailio, an OPTIONS run), sipsak,
# baresip, and sipvicious (svmap, svwar) compared with a tshark capture.
#
#   Tests/Interop/run.sh HONEYPHONE_BINARY
#
# Everything stays on one loopback address (INTEROP_IP, default 127.0.0.61). Every process is started
# here and stopped by its PID; every tool runs under `timeout`; loads are bounded in count and rate.
# Prints PASS/FAIL per check and "interop: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

HP_BIN="$(readlink -f "${1:?usage: run.sh HONEYPHONE_BINARY}")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IP="${INTEROP_IP:-127.0.0.61}"
KAM_PORT=5060 HP_PORT=5070 TLS_PORT=5071 SIPP_PORT=5080 UA_PORT=5090 SIPSAK_PORT=5095
OPTIONS_COUNT="${INTEROP_OPTIONS_COUNT:-10000}" OPTIONS_RATE="${INTEROP_OPTIONS_RATE:-400}"
case "$IP" in 127.*) ;; *) echo "INTEROP_IP must be a loopback address" >&2; exit 2 ;; esac

WORK="$(mktemp -d /tmp/honeyphone-interop.XXXXXX)"
# shellcheck source=../Support/checks.sh
source "$HERE/../Support/checks.sh"
start() { # start NAME CMD... (background, output to WORK/NAME.log, pid remembered)
  local name="$1"; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  remember "$!" "$name"
}
trap stop_all EXIT
udp_open() { ss -lnu | grep -q "$IP:$1 "; }
kamcmd_() { kamcmd -s "unix:$WORK/kamailio/kamailio_ctl" "$@"; }

log "interop: work folder $WORK, address $IP"

# --- Kamailio registrar -------------------------------------------------------------------------
mkdir -p "$WORK/kamailio"
kamailio -c -f "$HERE/kamailio/registrar.cfg" -l "udp:$IP:$KAM_PORT" -l "tcp:$IP:$KAM_PORT" >"$WORK/kamailio-check.log" 2>&1 \
  || { cat "$WORK/kamailio-check.log"; exit 1; }
start kamailio kamailio -DD -E -f "$HERE/kamailio/registrar.cfg" -l "udp:$IP:$KAM_PORT" -l "tcp:$IP:$KAM_PORT" \
  -Y "$WORK/kamailio" -m 64 -M 16
check "kamailio listens on $IP:$KAM_PORT" wait_for 15 udp_open "$KAM_PORT"

# --- capture of everything sent to the honeypot ------------------------------------------------------
start tshark tshark -q -i lo -f "udp and dst host $IP and dst port $HP_PORT" -a duration:600 -c 400000 -B 64 -F pcap -w "$WORK/honeyphone.pcap"
wait_for 10 grep -q "Capturing on" "$WORK/tshark.log" || true

# --- Honeyphone ----------------------------------------------------------------------------------
sed -e "s/@IP@/$IP/g" -e "s/@HP_PORT@/$HP_PORT/g" -e "s/@TLS_PORT@/$TLS_PORT/g" -e "s/@KAM_PORT@/$KAM_PORT/g" "$HERE/honeyphone-interop.env" >"$WORK/honeyphone.env"
start honeyphone "$HP_BIN" run --environment "$WORK/honeyphone.env" --data "$WORK/data"
check "honeyphone listens on $IP:$HP_PORT" wait_for 20 grep -q "listening on udp $IP:$HP_PORT" "$WORK/honeyphone.log"

registered() { [ "$(kamcmd_ ul.dump 2>/dev/null | grep -c "Address: sip:200[123]@$IP:$HP_PORT")" -eq 3 ]; }
check "kamailio's location table holds the 3 honeyphone URIs (kamcmd ul.dump)" wait_for 20 registered
kamcmd_ ul.dump 2>/dev/null | grep -E "AoR:|Address:|Expires:|User-Agent:" | sed 's/^/    /'
status_registered() { [ "$("$HP_BIN" status --data "$WORK/data" | grep -c ': registered, expires')" -eq 3 ]; }
check "honeyphone status shows 3 registrations" wait_for 10 status_registered

# --- SIPp: a call through Kamailio ------------------------------------------------------------------
sipp_call() {
  timeout 60 sipp -sf "$HERE/sipp/call_via_registrar.xml" -s 2001 "$IP:$KAM_PORT" -i "$IP" -p "$SIPP_PORT" \
    -m 1 -timeout 40s -timeout_error -trace_msg -message_file "$WORK/sipp-call-msg.log" -nostdin >"$WORK/sipp-call.log" 2>&1
}
check "SIPp call via Kamailio to sip:2001 completes (INVITE/180/200/ACK/BYE/200)" sipp_call
grep -E "^(SIP/2.0|INVITE|ACK|BYE) " "$WORK/sipp-call-msg.log" | head -8 | sed 's/^/    /'

# --- SIPp: OPTIONS run straight to the honeypot --------------------------------------------------------
sipp_options() {
  timeout 120 sipp -sf "$HERE/sipp/options_ping.xml" -s 2002 "$IP:$HP_PORT" -i "$IP" -p "$SIPP_PORT" \
    -m "$OPTIONS_COUNT" -r "$OPTIONS_RATE" -l 2000 -timeout 100s -timeout_error -nostdin \
    -trace_stat -stf "$WORK/sipp-options.csv" >"$WORK/sipp-options.log" 2>&1
}
check "SIPp: $OPTIONS_COUNT OPTIONS at $OPTIONS_RATE/s all answered 200" sipp_options
tail -1 "$WORK/sipp-options.csv" 2>/dev/null | awk -F';' '{print "    sipp stats (last line): " $0}' | cut -c1-200

# --- sipsak ----------------------------------------------------------------------------------------
sipsak_options() {
  timeout 10 sipsak -s "sip:2003@$IP:$HP_PORT" -H "$IP" -l "$SIPSAK_PORT" -vv >"$WORK/sipsak-options.log" 2>&1
  grep -q "^SIP/2.0 200 OK" "$WORK/sipsak-options.log" && grep -q "^Server: Asterisk PBX" "$WORK/sipsak-options.log"
}
check "sipsak OPTIONS to sip:2003 gets 200 OK from the Asterisk persona" sipsak_options
sipsak_invite() {
  # sipsak sends the INVITE of a file and waits for the final response (-I would REGISTER first).
  printf 'INVITE sip:2001@%s:%s SIP/2.0\r\nVia: SIP/2.0/UDP %s:%s;branch=z9hG4bK.interop%s;rport\r\nFrom: <sip:sipsak@%s:%s>;tag=%s\r\nTo: <sip:2001@%s:%s>\r\nCall-ID: %s@%s\r\nCSeq: 1 INVITE\r\nContact: <sip:sipsak@%s:%s>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n' \
    "$IP" "$HP_PORT" "$IP" "$SIPSAK_PORT" "$$" "$IP" "$SIPSAK_PORT" "$RANDOM$RANDOM" "$IP" "$HP_PORT" "$RANDOM$RANDOM" "$IP" "$IP" "$SIPSAK_PORT" >"$WORK/sipsak-invite.sip"
  timeout 20 sipsak -f "$WORK/sipsak-invite.sip" -s "sip:2001@$IP:$HP_PORT" -H "$IP" -l "$SIPSAK_PORT" -vv >"$WORK/sipsak-invite.log" 2>&1
  grep -q "^SIP/2.0 180" "$WORK/sipsak-invite.log" && grep -q "^SIP/2.0 200" "$WORK/sipsak-invite.log" \
    && grep -q "^Content-Type: application/sdp" "$WORK/sipsak-invite.log"
}
check "sipsak INVITE to sip:2001 gets 180 then 200 with an SDP offer" sipsak_invite

# --- TLS (self-signed certificate generated at first start) and IPv6 -----------------------------------
tls_options() {
  printf 'OPTIONS sip:2001@%s:%s;transport=tls SIP/2.0\r\nVia: SIP/2.0/TLS %s:5999;branch=z9hG4bK-tls%s;rport\r\nMax-Forwards: 70\r\nFrom: <sip:tls@%s>;tag=%s\r\nTo: <sip:2001@%s>\r\nCall-ID: tls-%s\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n' \
    "$IP" "$TLS_PORT" "$IP" "$$" "$IP" "$RANDOM" "$IP" "$RANDOM" >"$WORK/tls-options.txt"
  (cat "$WORK/tls-options.txt"; sleep 2) | timeout 10 openssl s_client -connect "$IP:$TLS_PORT" -quiet >"$WORK/tls-options.log" 2>/dev/null
  grep -q "^SIP/2.0 200" "$WORK/tls-options.log" && test -s "$WORK/data/tls-certificate.pem"
}
check "OPTIONS over TLS (generated self-signed certificate) gets 200" tls_options
ipv6_options() { # sipsak cannot parse IPv6 literals: a plain UDP socket from python3 (a sipvicious dependency)
  timeout 10 python3 - "$HP_PORT" >"$WORK/ipv6-options.log" 2>&1 <<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.settimeout(5)
s.sendto(("OPTIONS sip:2001@[::1]:%d SIP/2.0\r\nVia: SIP/2.0/UDP [::1]:9;branch=z9hG4bK-v6probe;rport\r\n"
          "Max-Forwards: 70\r\nFrom: <sip:v6@[::1]>;tag=v6\r\nTo: <sip:2001@[::1]>\r\nCall-ID: v6-interop\r\n"
          "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n" % port).encode(), ("::1", port))
print(s.recvfrom(65535)[0].decode("utf-8", "replace"))
PY
  grep -q "^SIP/2.0 200" "$WORK/ipv6-options.log" && grep -q "rport=" "$WORK/ipv6-options.log"
}
check "OPTIONS over UDP/IPv6 ([::1]) gets 200 at the source port (rport)" ipv6_options

# --- baresip calls a honeypot URI --------------------------------------------------------------------
mkdir -p "$WORK/baresip"
sed -e "s/@IP@/$IP/g" -e "s/@UA_PORT@/$UA_PORT/g" "$HERE/baresip/config.in" >"$WORK/baresip/config"
sed -e "s/@IP@/$IP/g" "$HERE/baresip/accounts.in" >"$WORK/baresip/accounts"
timeout 30 baresip -f "$WORK/baresip" -t 12 -e "/dial sip:2002@$IP:$HP_PORT" </dev/null >"$WORK/baresip.log" 2>&1
baresip_answered() { grep -q -i "call established\|call answered\|established" "$WORK/baresip.log"; }
check "baresip call to sip:2002 is answered" baresip_answered
grep -i -E "call|established|closed|terminated" "$WORK/baresip.log" | head -6 | sed 's/^/    /'

# --- sipvicious against the honeypot --------------------------------------------------------------------
timeout 60 svmap -b "$IP" -x "$IP" -p "$HP_PORT" "$IP" >"$WORK/svmap.log" 2>&1
check "svmap finishes and reports the honeypot as the Linphone persona" grep -q "$IP:$HP_PORT.*Linphone" "$WORK/svmap.log"
cat "$WORK/svmap.log" | grep -v "^$" | tail -4 | sed 's/^/    /'
timeout 90 svwar -b "$IP" -x "$IP" -p "$HP_PORT" -e2000-2010 -m INVITE --maximumtime=60 "$IP" >"$WORK/svwar.log" 2>&1
check "svwar finishes" test $? -ne 124
grep -v "^$" "$WORK/svwar.log" | tail -6 | sed 's/^/    /'

# --- stop the honeypot (graceful: un-REGISTER, flush the trace store) ----------------------------------
sleep 1
stop honeyphone
check "honeyphone stopped gracefully" grep -q "honeyphone: stopped" "$WORK/honeyphone.log"
unregistered() { [ "$(kamcmd_ ul.dump 2>/dev/null | grep -c "Address: sip:200[123]@$IP:$HP_PORT")" -eq 0 ]; }
check "un-REGISTER on shutdown emptied kamailio's location table" wait_for 5 unregistered
sleep 1
stop tshark
stop kamailio

# --- every sipvicious request is in the trace store ------------------------------------------------
captured="$(tshark -r "$WORK/honeyphone.pcap" -Y 'sip.User-Agent == "friendly-scanner"' -T fields -e frame.number 2>/dev/null | wc -l)"
stored="$("$HP_BIN" traces --data "$WORK/data" --json --limit 1000000 | grep '"direction":"received"' | grep -c '"user_agent":"friendly-scanner"')"
log "    sipvicious requests: captured by tshark $captured, in the trace store $stored"
check "every sipvicious request is in the trace store ($captured)" test "$captured" -gt 0 -a "$captured" -eq "$stored"
all_captured="$(tshark -r "$WORK/honeyphone.pcap" -Y 'sip' -T fields -e frame.number 2>/dev/null | wc -l)"
all_stored="$("$HP_BIN" traces --data "$WORK/data" --json --limit 1000000 | grep '"direction":"received"' | grep '"transport":"udp"' | grep -c "\"local\":\"$IP:$HP_PORT\"")"
log "    all UDP/IPv4 messages to $IP:$HP_PORT: captured $all_captured, stored $all_stored"
# tshark may itself miss a packet under the OPTIONS run, never the reverse: every captured one must be stored.
check "every UDP message the capture saw is stored" test "$all_stored" -ge "$all_captured" -a "$all_captured" -gt 10000
"$HP_BIN" traces --data "$WORK/data" --pcap "$WORK/export.pcap" >/dev/null
exported="$(tshark -r "$WORK/export.pcap" -Y sip -T fields -e frame.number 2>/dev/null | wc -l)"
check "the pcap export opens in tshark with SIP decoded ($exported messages)" test "$exported" -gt 0

summary interop
