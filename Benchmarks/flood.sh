#!/usr/bin/env bash
# Load measurements of a running Honeyphone on loopback (the issue's speed and memory targets):
#
#   Benchmarks/flood.sh [HONEYPHONE_BINARY]     (default: builds ../ in release and uses it)
#
# 1. OPTIONS flood: OPTIONS_COUNT requests (default 200,000) at OPTIONS_RATE/s (default 20,000) from a second
#    process (sip-flood, Sources/sip-flood). Reports requests answered, the kernel's UDP receive-buffer drops during the run, and
#    the honeypot's CPU time per request (utime+stime from /proc, every message stored in SQLite), in total and
#    per thread name (the event loop, the SQLite writer's dispatch threads, the investigating cooperative pool), and
#    the bytes the process handed to write(2)/pwrite(2) per request (the store's files; sockets are not counted).
# 2. INVITE flood: INVITE_COUNT INVITEs (default 1,000,000) with random Call-IDs at INVITE_RATE/s (default
#    20,000). Samples the honeypot's RSS every 2 s and reports the series, the live transactions and dialogs
#    (bounded by max-transactions / max-dialogs) and the trace writer's counters.
# PERF_SECONDS=N records a CPU profile (perf record -g, every CPU: read it with perf report --pid) for N s of
# the OPTIONS flood, from its second second, into the work folder; PERF_THREAD=NAME profiles only the
# honeypot's threads whose name contains NAME (NIO: the event loop). HP_ENV="VAR=value ..." runs the honeypot with
# that extra environment (e.g. LD_PRELOAD of another allocator). Everything on 127.0.0.62; the honeypot and the generator are started here and stopped by PID; the generator
# refuses non-loopback targets and stops by itself.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IP=127.0.0.62 PORT=5070
OPTIONS_COUNT=${OPTIONS_COUNT:-200000} OPTIONS_RATE=${OPTIONS_RATE:-20000}
INVITE_COUNT=${INVITE_COUNT:-1000000} INVITE_RATE=${INVITE_RATE:-20000}
# The web UI is off for the speed figures (WEB_LISTEN=127.0.0.1:8080 measures it on: its live metrics
# subscribe to the events, so every verdict also becomes an event).
WEB_LISTEN=${WEB_LISTEN:-none}
cd "$HERE"
(cd .. && swift build -c release --product sip-flood >/dev/null)
FLOOD="$(cd .. && swift build -c release --show-bin-path)/sip-flood"
if [[ $# -ge 1 ]]; then
    HP="$(cd "$OLDPWD" && readlink -f "$1")"
else
    (cd .. && swift build -c release --product honeyphone >/dev/null)
    HP="$(cd .. && swift build -c release --show-bin-path)/honeyphone"
fi
WORK="$(mktemp -d /tmp/honeyphone-flood.XXXXXX)"
cat >"$WORK/env" <<ENV
identity: honeyphone-flood
listen: udp $IP:$PORT
ring-time: 1s
hangup-after: 5s
uri: sip:1001@honeyphone.invalid
web-listen: $WEB_LISTEN
ENV
env ${HP_ENV:-} "$HP" run --environment "$WORK/env" --data "$WORK/data" --log-level warning >"$WORK/hp.out" 2>"$WORK/hp.err" &
HP_PID=$!
trap 'kill -TERM $HP_PID 2>/dev/null || true; sleep 2; kill -KILL $HP_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "listening" "$WORK/hp.out" 2>/dev/null && break; sleep 0.1; done
ticks() { awk '{print $14 + $15}' "/proc/$HP_PID/stat"; }
# CPU ticks (user+system) per thread name, summed over the threads of that name: "name ticks" lines.
thread_ticks() {
    for t in /proc/$HP_PID/task/*; do
        [[ -r $t/stat ]] || continue
        # The name is in parentheses and may hold spaces: take what follows the last ')'.
        name=$(sed -E 's/^[0-9]+ \((.*)\) .*/\1/' "$t/stat" | tr ' ' '_')
        rest=$(sed -E 's/^.*\) //' "$t/stat")
        awk -v n="$name" '{print n, $12 + $13}' <<<"$rest"
    done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
rcvbuf_errors() { awk '/^Udp:/ && $2 ~ /^[0-9]+$/ {print $6}' /proc/net/snmp; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$HP_PID/status"; }
# Bytes the process handed to write(2) and friends (the store's WAL and checkpoints; sockets are not counted).
wchar() { awk '/^wchar:/ {print $2}' "/proc/$HP_PID/io"; }
clk=$(getconf CLK_TCK)

echo "== OPTIONS flood: $OPTIONS_COUNT at $OPTIONS_RATE/s to $IP:$PORT (honeyphone pid $HP_PID, $(basename "$(dirname "$HP")") build)"
t0=$(ticks); e0=$(rcvbuf_errors); threads0=$(thread_ticks); w0=$(wchar)
if [[ -n "${PERF_SECONDS:-}" ]]; then
    # PERF_THREAD=NIO profiles the event loop's thread only (perf's -p misses threads started later).
    # Without it, every CPU is sampled (threads come and go in the store's and the investigation's pools) and the
    # report is to be read with --pid.
    perf_target=(-a)
    if [[ -n "${PERF_THREAD:-}" ]]; then
        perf_target=(-t "$(grep -l "${PERF_THREAD}" /proc/$HP_PID/task/*/comm | cut -d/ -f5 | paste -sd,)")
    fi
    # One second in, so that the store's and the investigation's threads exist.
    (sleep 1; perf record -F 999 -g "${perf_target[@]}" -o "$WORK/perf.data" -- sleep "$PERF_SECONDS" >/dev/null 2>&1) &
fi
result=$(timeout 600 "$FLOOD" options "$IP" "$PORT" "$OPTIONS_COUNT" "$OPTIONS_RATE")
sleep 1
t1=$(ticks); e1=$(rcvbuf_errors); threads1=$(thread_ticks); w1=$(wchar)
echo "   generator: $result"
sent=$(sed -E 's/.*"sent":([0-9]+).*/\1/' <<<"$result"); answered=$(sed -E 's/.*"answered":([0-9]+).*/\1/' <<<"$result")
cpu_us=$(awk -v t=$((t1 - t0)) -v c="$clk" -v n="$sent" 'BEGIN { printf "%.2f", t / c * 1e6 / n }')
echo "   answered $answered of $sent (lost $((sent - answered))); kernel UDP receive-buffer drops: $((e1 - e0))"
echo "   honeypot CPU: $(((t1 - t0) * 1000 / clk)) ms for $sent requests = $cpu_us µs per request (parse, transaction, answer, 2 records stored)"
echo "   file writes: $(((w1 - w0) / sent)) bytes per request (write(2)/pwrite(2): the store's WAL, checkpoints and statement journals)"
# Per thread (threads that ended during the run are not counted): the event loop answers, the
# dispatch/cooperative threads write SQLite and investigate.
echo "   by thread (µs per request):" $(join -a 2 -e 0 -o 2.1,1.2,2.2 <(echo "$threads0") <(echo "$threads1") \
    | awk -v c="$clk" -v n="$sent" '{d = $3 - $2; if (d > 0) printf "%s %.1f, ", $1, d / c * 1e6 / n}')
sleep 3
"$HP" status --data "$WORK/data" | grep -E "^(messages|traces)" | sed 's/^/   /'

echo "== INVITE flood: $INVITE_COUNT with random Call-IDs at $INVITE_RATE/s"
rss_start=$(rss_kib); e2=$(rcvbuf_errors)
( timeout 900 "$FLOOD" invite "$IP" "$PORT" "$INVITE_COUNT" "$INVITE_RATE" >"$WORK/invite.json" ) &
FLOOD_PID=$!
samples=()
while kill -0 $FLOOD_PID 2>/dev/null; do
    samples+=("$(rss_kib)")
    sleep 2
done
wait $FLOOD_PID || true
echo "   generator: $(cat "$WORK/invite.json")"
echo "   kernel UDP receive-buffer drops during the INVITE flood: $(($(rcvbuf_errors) - e2))"
echo "   RSS (MiB) every 2 s: start $((rss_start / 1024)) | $(for s in "${samples[@]}"; do printf '%d ' $((s / 1024)); done)"
n=${#samples[@]}; half=$((n / 2))
max_first=0; max_second=0
for ((i = 0; i < n; i++)); do
    s=${samples[$i]}
    if ((i < half)); then ((s > max_first)) && max_first=$s; else ((s > max_second)) && max_second=$s; fi
done
echo "   RSS max, first half $((max_first / 1024)) MiB, second half $((max_second / 1024)) MiB"
sleep 3
"$HP" status --data "$WORK/data" | grep -E "^(messages|dialogs|traces)" | sed 's/^/   /'
kill -INT $HP_PID; wait $HP_PID 2>/dev/null || true
trap - EXIT
tail -1 "$WORK/hp.out" | sed 's/^/   /'
echo "   work folder: $WORK (trace store $(du -sh "$WORK/data" | cut -f1))"
