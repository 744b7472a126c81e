#!/usr/bin/env bash
# The reference figure of the OPTIONS flood target, measured on this machine: Kamailio 5.6 answering OPTIONS
# statelessly (Benchmarks/kamailio/stateless.cfg: sl_send_reply, one UDP receiver, nothing stored), flooded by the
# same generator and at the same rate as Benchmarks/flood.sh floods the honeypot.
#
#   Benchmarks/kamailio-baseline.sh
#
# Reports requests answered and the CPU time (utime + stime from /proc) of every Kamailio process per request, once
# per memory manager in KAMAILIO_MEMORY (default "qm tlsf": Kamailio's default q_malloc, whose debugging checks are
# most of its cost here, and TLSF, what a tuned production server runs with `-x tlsf`).
# OPTIONS_COUNT (default 100,000) at OPTIONS_RATE/s (default 20,000), on 127.0.0.63:5071. Kamailio is started
# here and stopped by PID; the generator refuses non-loopback targets and stops by itself.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IP=127.0.0.63 PORT=5071
OPTIONS_COUNT=${OPTIONS_COUNT:-100000} OPTIONS_RATE=${OPTIONS_RATE:-20000} KAMAILIO_MEMORY=${KAMAILIO_MEMORY:-qm tlsf}
command -v kamailio >/dev/null || { echo "kamailio is not installed (apt-get install kamailio)" >&2; exit 2; }
(cd "$HERE/.." && swift build -c release --product sip-flood >/dev/null)
FLOOD="$(cd "$HERE/.." && swift build -c release --show-bin-path)/sip-flood"
# CPU ticks (user + system) of Kamailio's main process and its children (the UDP receiver, timers, …): "pid ticks".
process_ticks() {
    local p
    for p in $KAM_PID $(pgrep -P $KAM_PID); do
        [[ -r /proc/$p/stat ]] && echo "$p $(sed -E 's/^.*\) //' "/proc/$p/stat" | awk '{print $12 + $13}')"
    done | sort
}
clk=$(getconf CLK_TCK)
version=$(kamailio -v | head -1 | awk '{print $3}')
for memory in $KAMAILIO_MEMORY; do
    WORK="$(mktemp -d /tmp/kamailio-baseline.XXXXXX)"
    # -DD: stay in the foreground (no daemon), so $! is the main process; -E: log to stderr; -x: memory manager;
    # -m/-M: shared and private memory in MiB.
    kamailio -f "$HERE/kamailio/stateless.cfg" -L /usr/lib/x86_64-linux-gnu/kamailio/modules -l "udp:$IP:$PORT" \
        -DD -E -x "$memory" -m 64 -M 8 -Y "$WORK" >"$WORK/kamailio.out" 2>&1 &
    KAM_PID=$!
    trap 'kill -TERM $KAM_PID 2>/dev/null || true; sleep 1; kill -KILL $KAM_PID 2>/dev/null || true' EXIT
    for _ in $(seq 50); do ss -uln | grep -q "$IP:$PORT" && break; sleep 0.1; done
    sleep 0.5
    echo "== Kamailio $version stateless, memory manager $memory: $OPTIONS_COUNT OPTIONS at $OPTIONS_RATE/s to $IP:$PORT (pid $KAM_PID)"
    before=$(process_ticks)
    result=$(timeout 600 "$FLOOD" options "$IP" "$PORT" "$OPTIONS_COUNT" "$OPTIONS_RATE")
    sleep 1
    after=$(process_ticks)
    echo "   generator: $result"
    sent=$(sed -E 's/.*"sent":([0-9]+).*/\1/' <<<"$result"); answered=$(sed -E 's/.*"answered":([0-9]+).*/\1/' <<<"$result")
    ticks=$(join <(echo "$before") <(echo "$after") | awk '{t += $3 - $2} END {print t + 0}')
    echo "   answered $answered of $sent"
    echo "   Kamailio CPU: $((ticks * 1000 / clk)) ms =" \
        "$(awk -v t="$ticks" -v c="$clk" -v n="$sent" 'BEGIN { printf "%.2f", t / c * 1e6 / n }') µs per request," \
        "$(awk -v t="$ticks" -v c="$clk" -v n="$answered" 'BEGIN { printf "%.2f", n ? t / c * 1e6 / n : 0 }') µs per answered request"
    kill -TERM $KAM_PID; wait $KAM_PID 2>/dev/null || true
    trap - EXIT
    rm -rf "$WORK"
done
