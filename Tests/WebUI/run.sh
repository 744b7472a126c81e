#!/usr/bin/env bash
# End-to-end tests of the administrator web interface of a running Honeyphone:
#
#   HONEYPHONE=.build/debug/honeyphone Tests/WebUI/run.sh
#
# HONEYPHONE is the binary (default .build/debug/honeyphone under the repository root); the web UI's resource
# bundle (honeyphone_WebUI.resources: templates, assets) must be beside it. The suite
#   1. makes an admin password hash (`honeyphone web-password`) and an API token (`honeyphone web-token`),
#   2. writes an environment (SIP on udp/tcp 127.0.0.1:25060, web on 127.0.0.1:28080, data in the work folder)
#      and starts `honeyphone run --environment FILE --profiles WORK/profiles`, waits for /health,
#   3. sends SIP traffic with hostile User-Agents (sip_traffic.py),
#   4. api.py: every REST endpoint, /metrics, /events and the pages, without and with credentials, CSRF/Origin,
#      profile check/save/activate, alert acknowledgement, block lists (Python standard library only),
#      then check_openapi.py when present,
#   5. browser.py: headless Chromium (selenium + /usr/bin/chromedriver): login, the dashboard updating live
#      during a real svmap scan, the hostile User-Agent shown as text, profiles switched and written through
#      the forms, and a screenshot of each page (WORK/screenshots; dashboard and message also to
#      Docs/screenshots/ unless WEBUI_DOCS_SCREENSHOTS is set to an empty value or another folder).
#
# Loopback only; every process is started here and stopped by its PID (the EXIT trap stops whatever is left);
# every step runs under `timeout`. Prints PASS/FAIL per check and "webui: N passed, M failed"; exits non-zero
# on any failure. About a minute on 2 cores.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HP_BIN="${HONEYPHONE:-.build/debug/honeyphone}"
case "$HP_BIN" in /*) ;; *) if [[ -e "$HP_BIN" ]]; then HP_BIN="$PWD/$HP_BIN"; else HP_BIN="$ROOT/$HP_BIN"; fi ;; esac
IP=127.0.0.1
SIP_PORT="${WEBUI_SIP_PORT:-25060}"
WEB_PORT="${WEBUI_WEB_PORT:-28080}"
BASE="http://$IP:$WEB_PORT"
DOCS="${WEBUI_DOCS_SCREENSHOTS-$ROOT/Docs/screenshots}"
PASSWORD="webui-admin-$RANDOM-$RANDOM"

WORK="$(mktemp -d /tmp/honeyphone-webui.XXXXXX)"
# shellcheck source=../Support/checks.sh
source "$HERE/../Support/checks.sh"
trap stop_all EXIT
START_SECONDS=$SECONDS

log "webui: binary $HP_BIN, work folder $WORK, SIP $IP:$SIP_PORT, web $BASE"
if [[ ! -x "$HP_BIN" ]]; then
    log "FAIL the honeyphone binary exists ($HP_BIN)"
    exit 1
fi
if [[ ! -d "$(dirname "$HP_BIN")/honeyphone_WebUI.resources" ]]; then
    log "FAIL the web UI resources are beside the binary ($(dirname "$HP_BIN")/honeyphone_WebUI.resources)"
    exit 1
fi
port_free() { ! ss -Hlntu "( sport = :$1 )" 2> /dev/null | grep -q .; }
for port in "$SIP_PORT" "$WEB_PORT"; do
    if ! port_free "$port"; then
        log "FAIL port $port is free on $IP (something listens there already)"
        ss -Hlntup "( sport = :$port )" 2> /dev/null | sed 's/^/    /' || true
        exit 1
    fi
done

# bounded NAME SECONDS CMD...: runs CMD under `timeout` (which signals CMD's whole process group, so a browser
# and its driver go too), output to WORK/NAME.log and then to standard output (PASS/FAIL lines as they are, the
# rest indented), remembered so the EXIT trap reaches it. Returns CMD's status.
bounded() {
    local name="$1" seconds="$2" status=0
    shift 2
    timeout -k 5 "$seconds" "$@" > "$WORK/$name.log" 2>&1 &
    remember "$!" "$name"
    wait "$!" || status=$?
    sed -E '/^(PASS|FAIL) /!s/^/    /' "$WORK/$name.log"
    return "$status"
}
# count_checks NAME: adds the PASS/FAIL lines a Python part printed to this suite's counters.
count_checks() {
    local p f
    p=$(grep -c '^PASS ' "$WORK/$1.log" || true)
    f=$(grep -c '^FAIL ' "$WORK/$1.log" || true)
    passed=$((passed + p))
    failed=$((failed + f))
    log "    ($1: $p passed, $f failed)"
}

# --- credentials and environment -------------------------------------------------------------------------
printf '%s\n' "$PASSWORD" | timeout 60 "$HP_BIN" web-password > "$WORK/web-password.out"
timeout 20 "$HP_BIN" web-token > "$WORK/web-token.out"
PASSWORD_LINE="$(grep '^web-admin-password: pbkdf2-sha256\$' "$WORK/web-password.out" || true)"
TOKEN="$(sed -n 's/^token: //p' "$WORK/web-token.out")"
TOKEN_LINE="$(grep '^web-api-token: sha256:' "$WORK/web-token.out" || true)"
check "honeyphone web-password prints a web-admin-password: pbkdf2-sha256 line" test -n "$PASSWORD_LINE"
check "honeyphone web-token prints a token and its web-api-token: sha256 digest" test -n "$TOKEN" -a -n "$TOKEN_LINE"
[[ -n "$PASSWORD_LINE" && -n "$TOKEN" && -n "$TOKEN_LINE" ]] || { summary webui; exit 1; }

mkdir -p "$WORK/profiles" "$WORK/screenshots"
cat > "$WORK/honeyphone.env" << EOF
# Honeyphone environment of the web UI tests (Tests/WebUI/run.sh).
identity: honeyphone-webui
listen: udp $IP:$SIP_PORT
listen: tcp $IP:$SIP_PORT
domain: $IP
persona: linphone-android-5.2
data-folder: $WORK/data
ring-time: 200ms
answer: yes
hangup-after: 1s
web-listen: $IP:$WEB_PORT
$PASSWORD_LINE
$TOKEN_LINE
uri: sip:2001@$IP
  password: webui-secret-2001
uri: sip:2002@$IP
  password: webui-secret-2002
  persona: yealink-t27g-69.86
EOF

# --- Honeyphone --------------------------------------------------------------------------------------------
"$HP_BIN" run --environment "$WORK/honeyphone.env" --profiles "$WORK/profiles" > "$WORK/honeyphone.log" 2>&1 &
remember "$!" honeyphone
healthy() { [[ "$(curl -s -m 2 "$BASE/health" 2> /dev/null)" == "ok" ]]; }
check "honeyphone serves $BASE/health" wait_for 30 healthy
if ! healthy; then
    tail -20 "$WORK/honeyphone.log" | sed 's/^/    /'
    summary webui
    exit 1
fi
check "honeyphone listens on udp $IP:$SIP_PORT" grep -q "listening on udp $IP:$SIP_PORT" "$WORK/honeyphone.log"

# --- SIP traffic with hostile User-Agents ---------------------------------------------------------------
check "SIP traffic with hostile User-Agents is answered (sip_traffic.py)" \
    bounded sip-traffic 30 python3 "$HERE/sip_traffic.py" "$IP" "$SIP_PORT"
investigated() {
    curl -s -m 2 -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/verdicts?limit=10" | jq -e '.items | length >= 5' > /dev/null
}
check "the 5 requests are investigated (5 verdicts)" wait_for 15 investigated

export HONEYPHONE_WEB_URL="$BASE" HONEYPHONE_WEB_TOKEN="$TOKEN" HONEYPHONE_WEB_PASSWORD="$PASSWORD"
export HONEYPHONE_WEB_PROFILES="$WORK/profiles" HONEYPHONE_WEB_WORK="$WORK" HONEYPHONE_REPO="$ROOT"
export HONEYPHONE_SIP_HOST="$IP" HONEYPHONE_SIP_PORT="$SIP_PORT" HONEYPHONE_BIN="$HP_BIN"

# --- the API, metrics, events, access control -----------------------------------------------------------
log "--- api.py"
check "api.py runs to its end" bounded api 60 python3 "$HERE/api.py"
count_checks api
if [[ -f "$HERE/check_openapi.py" ]]; then
    log "--- check_openapi.py"
    check "check_openapi.py: openapi.json matches the routes" bounded check-openapi 30 python3 "$HERE/check_openapi.py"
else
    log "    note: Tests/WebUI/check_openapi.py is absent: the OpenAPI check is skipped"
fi

# --- the browser ------------------------------------------------------------------------------------------
log "--- browser.py"
check "browser.py runs to its end" bounded browser 100 python3 "$HERE/browser.py" --screenshots "$WORK/screenshots" --docs "$DOCS"
count_checks browser

# --- stop, with a dashboard's live stream open ------------------------------------------------------------------
# An administrator's open dashboard holds an /events stream; SIGTERM must still stop the honeypot (bounded).
timeout 60 curl -s -N -m 60 -H "Authorization: Bearer $TOKEN" "$BASE/events" > "$WORK/events-at-stop.log" 2>&1 &
remember "$!" events-at-stop
streaming() { grep -q "live events" "$WORK/events-at-stop.log"; }
wait_for 10 streaming || true
HP_PID="$(cat "$WORK/honeyphone.pid")"
gone() { ! kill -0 "$HP_PID" 2> /dev/null; }
kill -TERM "$HP_PID" 2> /dev/null || true
check "SIGTERM stops honeyphone within 10 s while an /events stream is open" wait_for 10 gone
if ! gone; then
    log "    still running 10 s after SIGTERM; web port: $(ss -Hltn "( sport = :$WEB_PORT )" | wc -l) listener(s);" \
        "last log line: $(tail -1 "$WORK/honeyphone.log")"
    stop events-at-stop
    wait_for 15 gone || true
    gone || log "    still running 15 s after the stream closed: SIGKILL"
    stop honeyphone
fi
stop events-at-stop
check "honeyphone stopped gracefully (\"honeyphone: stopped\" logged)" grep -q "honeyphone: stopped" "$WORK/honeyphone.log"
log "    screenshots: $(cd "$WORK/screenshots" 2> /dev/null && ls -- *.png 2> /dev/null | tr '\n' ' ')"
log "    elapsed: $((SECONDS - START_SECONDS)) s"
summary webui
