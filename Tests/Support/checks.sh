#!/usr/bin/env bash
# Tests/Support/checks.sh -- shared by the shell test suites (Tests/Interop/*.sh, Tests/ReconLab/run.sh).
# Source it after setting WORK (a work folder); it defines PIDS (processes started, stopped by PID only),
# the pass/fail counters and:
#   log TEXT...            print a line
#   check WHAT CMD...      run CMD, print "PASS WHAT" or "FAIL WHAT", count it
#   remember PID NAME      record a started process (WORK/NAME.pid) so stop and cleanup reach it
#   stop NAME              SIGTERM the process of WORK/NAME.pid, SIGKILL after 5 s
#   stop_all               SIGTERM every remembered process, SIGKILL after 1 s (the EXIT trap's work)
#   wait_for SECONDS CMD   poll CMD every 0.2 s until it succeeds or SECONDS pass
#   summary NAME           print "NAME: N passed, M failed" and return non-zero on any failure
PIDS=()
passed=0
failed=0

log() { printf '%s\n' "$*"; }

check() {
    local what="$1"
    shift
    if "$@"; then
        log "PASS $what"
        passed=$((passed + 1))
    else
        log "FAIL $what"
        failed=$((failed + 1))
    fi
}

remember() {
    PIDS+=("$1")
    echo "$1" > "$WORK/$2.pid"
}

stop() {
    local pid
    pid="$(cat "$WORK/$1.pid" 2> /dev/null)" || return 0
    kill -TERM "$pid" 2> /dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2> /dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2> /dev/null || true
}

stop_all() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
    sleep 1
    for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
}

wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ $SECONDS -ge $deadline ] && return 1
        sleep 0.2
    done
}

summary() {
    log "$1: $passed passed, $failed failed"
    [[ $failed -eq 0 ]]
}
