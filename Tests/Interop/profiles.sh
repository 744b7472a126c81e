#!/usr/bin/env bash
# Behaviour profiles and media against real peers (issue 4): the shipped profiles validate; an invalid one
# stops the start with its line; SIPp calls the auto-answer profile with PCMA audio, RFC 4733 DTMF and SIP INFO
# DTMF (the recording matches what SIPp sent, the played speech matches the file, DTMF reaches the DTMF
# clause); baresip calls it and receives its RTP; svcrack against the registrar profile, whose recorded digest
# inputs verify the password svcrack tried; Fig. 4, the silent logger, the toll-fraud bait and voicemail against
# SIPp; the busy profile; SIGHUP reloads a profile and a broken reload keeps the old one.
#
#   Tests/Interop/profiles.sh HONEYPHONE_BINARY
#
# Loopback only (PROFILES_IP, default 127.0.0.62); every process started here and stopped by PID; every tool
# under `timeout`. Prints PASS/FAIL per check and "profiles: N passed, M failed".
set -uo pipefail

HP_BIN="$(readlink -f "${1:?usage: profiles.sh HONEYPHONE_BINARY}")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
IP="${PROFILES_IP:-127.0.0.62}"
HP_PORT=5070 SIPP_PORT=5080 UA_PORT=5090 SIPP_MEDIA=6010
case "$IP" in 127.*) ;; *)
    echo "PROFILES_IP must be a loopback address" >&2
    exit 2
    ;;
esac
WORK="$(mktemp -d /tmp/honeyphone-profiles.XXXXXX)"
# shellcheck source=../Support/checks.sh
source "$HERE/../Support/checks.sh"
start() { # start NAME CMD...
    local name="$1"
    shift
    "$@" > "$WORK/$name.log" 2>&1 &
    remember "$!" "$name"
}
trap stop_all EXIT
udp_open() { ss -lnu | grep -q "$IP:$1 "; }
# honeyphone NAME PROFILE [more run options]: a honeypot on IP:HP_PORT with its own data folder WORK/NAME
honeyphone() {
    local name="$1" profile="$2"
    shift 2
    mkdir -p "$WORK/$name"
    sed -e "s/@IP@/$IP/g" -e "s/@HP_PORT@/$HP_PORT/g" "$HERE/honeyphone-profiles.env" > "$WORK/$name/env"
    (cd "$ROOT" && exec "$HP_BIN" run --environment "$WORK/$name/env" --data "$WORK/$name" --profile "$profile" "$@") \
        > "$WORK/$name.log" 2>&1 &
    remember "$!" "$name"
    wait_for 20 udp_open "$HP_PORT"
}

log "profiles: work folder $WORK, address $IP"

# --- the profiles database --------------------------------------------------------------------------------
all_shipped_valid() {
    local name ok=0
    for file in "$ROOT"/Profiles/*.profile; do
        name="$(basename "$file" .profile)"
        "$HP_BIN" profile check "$name" > "$WORK/check-$name.txt" 2>&1 || {
            log "     $name: $(head -1 "$WORK/check-$name.txt")"
            ok=1
        }
    done
    return $ok
}
check "every shipped profile validates (honeyphone profile check NAME)" all_shipped_valid
printf 'Mode : Deterministic\nIdle {\n  INVITE/OpRing,\n  INVITE/OpFly(3),\n}\n' > "$WORK/broken.profile"
broken_is_refused() {
    "$HP_BIN" profile check "$WORK/broken.profile" > "$WORK/broken-check.txt" 2>&1
    [[ $? -eq 65 ]] && grep -q "broken.profile:4:10: error\[unknown-operator\]" "$WORK/broken-check.txt" || return 1
    "$HP_BIN" run --profile "$WORK/broken.profile" --data "$WORK/never" --port "$HP_PORT" > "$WORK/broken-run.txt" 2>&1
    [[ $? -eq 78 ]] && grep -q "broken.profile:4:10" "$WORK/broken-run.txt" && [[ ! -e "$WORK/never" ]]
}
check "a broken profile is refused with its line, and run --profile stops before starting anything (exit 78)" \
    broken_is_refused

# --- SIPp calls the auto-answer profile: audio, RFC 4733 and INFO DTMF ---------------------------------------
honeyphone answer auto-answer || log "     honeyphone did not start: $(tail -3 "$WORK/answer.log")"
timeout 60 sipp -sf "$HERE/sipp/uac_media.xml" -s 1001 "$IP:$HP_PORT" -i "$IP" -p "$SIPP_PORT" -mp "$SIPP_MEDIA" \
    -m 1 -timeout 50s -timeout_error -nostdin -trace_msg -message_file "$WORK/sipp-media-msg.log" \
    > "$WORK/sipp-media.log" 2>&1
sipp_status=$?
sleep 1
stop answer
check "SIPp's call with media completes (INVITE/180/200/ACK, audio, DTMF, INFO, BYE)" test "$sipp_status" -eq 0
rang_five_seconds() {
    local ring answer
    ring=$(grep -m1 "state Idle -> Ringing" "$WORK/answer.log" | cut -c12-19)
    answer=$(grep -m1 "state Ringing -> InCall" "$WORK/answer.log" | cut -c12-19)
    [[ -n "$ring" && -n "$answer" ]] || return 1
    local seconds=$(($(date -d "$answer" +%s) - $(date -d "$ring" +%s)))
    log "     rang for about $seconds s"
    [[ $seconds -ge 4 && $seconds -le 7 ]]
}
check "the auto-answer profile rang about 5 s before answering (entry/OpStartRing(5), ringtimeout/OpAnswerCall)" \
    rang_five_seconds
check "DTMF 5 sent by SIPp as RFC 4733 telephone-events reached the DTMF clause" \
    grep -q "sip.call.event=OpFwdDigit: DTMF 5" "$WORK/answer.log"
check "DTMF 7 sent by SIPp in SIP INFO reached the DTMF clause" \
    grep -q "sip.call.event=OpFwdDigit: DTMF 7" "$WORK/answer.log"
log "     $(cat "$WORK/answer/recordings/index.jsonl" 2> /dev/null | head -1)"
check "the caller's recording matches the PCMA audio SIPp sent (g711a.pcap)" \
    python3 "$HERE/media_match.py" "$WORK/answer/recordings/call-1-caller.wav" /usr/share/sip-tester/g711a.pcap \
    --pcap-pt 8
check "the honeypot's side is the played file (OpPlayFile(speech0.mp3) -> Media/speech0.wav)" \
    python3 "$HERE/media_match.py" "$WORK/answer/recordings/call-1-honeypot.wav" "$ROOT/Media/speech0.wav"
rtp_pcap_decodes() {
    local count
    count=$(tshark -r "$WORK/answer/recordings/call-1-rtp.pcap" -d "udp.port==$SIPP_MEDIA,rtp" -Y rtp 2> /dev/null \
        | wc -l)
    log "     call-1-rtp.pcap: $count RTP packets decoded by tshark"
    [[ $count -ge 400 ]]
}
check "the call's RTP packets are in call-1-rtp.pcap and tshark decodes them" rtp_pcap_decodes

# --- baresip calls the auto-answer profile and receives its RTP ----------------------------------------------
honeyphone baresip-call auto-answer || true
mkdir -p "$WORK/baresip"
sed -e "s/@IP@/$IP/g" -e "s/@UA_PORT@/$UA_PORT/g" "$HERE/baresip/config.in" > "$WORK/baresip/config"
sed -e "s/@IP@/$IP/g" "$HERE/baresip/accounts.in" > "$WORK/baresip/accounts"
timeout 30 tshark -i lo -a duration:20 -f "udp and dst portrange 10200-10300" -F pcap \
    -w "$WORK/baresip-rtp.pcap" > /dev/null 2>&1 &
TSHARK=$!
remember "$TSHARK" tshark
sleep 2
timeout 30 baresip -f "$WORK/baresip" -t 16 -e "/dial sip:1001@$IP:$HP_PORT" < /dev/null > "$WORK/baresip.log" 2>&1
wait "$TSHARK" 2> /dev/null
stop baresip-call
check "baresip's call to the auto-answer profile is established" grep -qi "established" "$WORK/baresip.log"
baresip_heard() {
    local count
    count=$(tshark -r "$WORK/baresip-rtp.pcap" -Y "udp.srcport >= 16384 && udp.srcport <= 32767" 2> /dev/null | wc -l)
    log "     RTP packets from the honeypot to baresip: $count"
    [[ $count -ge 150 ]]
}
check "baresip receives the honeypot's RTP" baresip_heard
check "what baresip receives is the played file (the captured RTP decoded against Media/speech0.wav)" \
    python3 "$HERE/media_match.py" "$ROOT/Media/speech0.wav" "$WORK/baresip-rtp.pcap" --pcap-pt 0
baresip_recorded() {
    local line
    line=$(head -1 "$WORK/baresip-call/recordings/index.jsonl" 2> /dev/null)
    log "     $line"
    [[ "$line" =~ \"rtpReceived\":([0-9]+) ]] && [[ ${BASH_REMATCH[1]} -ge 100 ]] \
        && [[ -s "$WORK/baresip-call/recordings/call-1-caller.wav" ]]
}
check "baresip's call is recorded (its RTP received and written to call-1-caller.wav)" baresip_recorded

# --- svcrack against the registrar profile -----------------------------------------------------------------
honeyphone registrar registrar || true
timeout 60 svcrack -u 1002 -r 1230-1240 -p "$HP_PORT" -b "$IP" -x "$IP" "$IP" > "$WORK/svcrack.log" 2>&1
stop registrar
"$HP_BIN" credentials --data "$WORK/registrar" --guess 1111 --guess 1234 --guess 4321 > "$WORK/credentials.txt" 2>&1
log "     $(tail -1 "$WORK/credentials.txt")"
check "the registrar profile challenged svcrack and recorded every attempt (11 passwords, 1230-1240)" \
    bash -c "[[ \$(grep -c ' REGISTER user=1002 realm=honeyphone ' '$WORK/credentials.txt') -ge 11 ]]"
check "the recorded digest inputs verify the password svcrack tried (1234), and only that one" \
    bash -c "[[ \$(grep -c 'password FOUND: \"1234\"' '$WORK/credentials.txt') -eq 1 ]] && ! grep -q 'FOUND: \"1111\"\\|FOUND: \"4321\"' '$WORK/credentials.txt'"

# --- the other shipped profiles against SIPp ------------------------------------------------------------------
# ring_cancel NAME PROFILE SERVICE WAIT-MS [SCENARIO]: SIPp's INVITE, 100 and 180 (uac_ring_cancel.xml) or 100
# only (uac_silent_cancel.xml), a wait, CANCEL (200 + 487); anything else fails SIPp. The message trace is kept.
ring_cancel() {
    honeyphone "$1" "$2" || true
    timeout 60 sipp -sf "$HERE/sipp/${5:-uac_ring_cancel.xml}" -s "$3" "$IP:$HP_PORT" -i "$IP" -p "$SIPP_PORT" \
        -mp "$SIPP_MEDIA" -d "$4" -m 1 -timeout 40s -timeout_error -nostdin -trace_msg \
        -message_file "$WORK/sipp-$1-msg.log" > "$WORK/sipp-$1.log" 2>&1
    local status=$?
    stop "$1"
    return $status
}
statuses() { grep -oE "^SIP/2.0 [0-9]{3}" "$WORK/sipp-$1-msg.log" | cut -d' ' -f2 | sort -u | tr '\n' ' '; }
ring_cancel fig4 fig4-phone 1001 3000
fig4_status=$?
fig4_statuses=$(statuses fig4)
check "Fig. 4 verbatim rings on INVITE (OpRing) and is cancelled cleanly (got ${fig4_statuses})" \
    test "$fig4_status-$fig4_statuses" = "0-100 180 200 487 "
ring_cancel silent silent-logger 1001 3000 uac_silent_cancel.xml
silent_status=$?
silent_statuses=$(statuses silent)
check "the silent logger never rings nor answers: only 100 Trying until the CANCEL (got ${silent_statuses})" \
    test "$silent_status-$silent_statuses" = "0-100 200 487 "
ring_cancel bait toll-fraud-bait 00441632960123 8000
bait_status=$?
bait_statuses=$(statuses bait)
check "the toll-fraud bait keeps an international call ringing past 8 s (got ${bait_statuses})" \
    test "$bait_status-$bait_statuses" = "0-100 180 200 487 "
honeyphone voicemail voicemail || true
timeout 60 sipp -sf "$HERE/sipp/uac_media.xml" -s 1002 "$IP:$HP_PORT" -i "$IP" -p "$SIPP_PORT" -mp "$SIPP_MEDIA" \
    -m 1 -timeout 50s -timeout_error -nostdin > "$WORK/sipp-voicemail.log" 2>&1
voicemail_status=$?
sleep 1
stop voicemail
check "the voicemail profile answers SIPp's call, plays its greeting and records the caller" bash -c \
    "[[ $voicemail_status -eq 0 ]] && python3 '$HERE/media_match.py' '$WORK/voicemail/recordings/call-1-honeypot.wav' \
    '$ROOT/Media/voicemail-greeting.wav' && python3 '$HERE/media_match.py' \
    '$WORK/voicemail/recordings/call-1-caller.wav' /usr/share/sip-tester/g711a.pcap --pcap-pt 8"

# --- the busy profile, and SIGHUP reload -------------------------------------------------------------------
mkdir -p "$WORK/reload/profiles"
printf 'Mode : Deterministic\nIdle {\n  INVITE/OpReject(603, "Declined")\n}\n' > "$WORK/reload/profiles/live.profile"
invite_status() { # invite_status LABEL: the final status sipsak gets for an INVITE
    printf 'INVITE sip:1001@%s:%s SIP/2.0\r\nVia: SIP/2.0/UDP %s:5095;branch=z9hG4bK.pr%s;rport\r\nFrom: <sip:sipsak@%s:5095>;tag=pr%s\r\nTo: <sip:1001@%s:%s>\r\nCall-ID: pr-%s@%s\r\nCSeq: 1 INVITE\r\nContact: <sip:sipsak@%s:5095>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n' \
        "$IP" "$HP_PORT" "$IP" "$1" "$IP" "$1" "$IP" "$HP_PORT" "$1" "$IP" "$IP" > "$WORK/invite-$1.sip"
    timeout 15 sipsak -f "$WORK/invite-$1.sip" -s "sip:1001@$IP:$HP_PORT" -l 5095 -vv > "$WORK/sipsak-$1.log" 2>&1
    grep -m1 -oE "^SIP/2.0 [4-6][0-9][0-9]" "$WORK/sipsak-$1.log" | cut -d' ' -f2
}
honeyphone busy busy || true
busy_status=$(invite_status busy)
stop busy
check "the busy profile answers an INVITE with 486 Busy Here (got ${busy_status:-nothing})" test "${busy_status:-}" = 486
honeyphone reload live --profiles "$WORK/reload/profiles" || true
first=$(invite_status first)
printf 'Mode : Deterministic\nIdle {\n  INVITE/OpReject(480)\n}\n' > "$WORK/reload/profiles/live.profile"
kill -HUP "$(cat "$WORK/reload.pid")"
sleep 1
second=$(invite_status second)
printf 'Mode : Deterministic\nIdle {\n  INVITE/OpReject(\n' > "$WORK/reload/profiles/live.profile"
kill -HUP "$(cat "$WORK/reload.pid")"
sleep 1
third=$(invite_status third)
stop reload
check "SIGHUP reloads the profile: 603, then 480 after the edit (got ${first:-?}, ${second:-?})" \
    test "${first:-}-${second:-}" = "603-480"
check "a broken profile on SIGHUP is refused with its line and the old one keeps running (got ${third:-?})" \
    bash -c "[[ '${third:-}' == 480 ]] && grep -q 'profile reload failed' '$WORK/reload.log' && grep -q 'live.profile:4:1' '$WORK/reload.log'"

summary profiles
