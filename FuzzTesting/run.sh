#!/usr/bin/env bash
# Builds the libFuzzer targets (FuzzSIPMessage, FuzzSIPURI, FuzzSDP, FuzzProfile, FuzzRTP, FuzzWAV) and runs each
# for SECONDS.
#
#   FuzzTesting/run.sh [SECONDS]        (default 60)
#
# Seeds: the repo's own SIP messages (Tests/SIPCoreTests/Messages/**), the request-URIs, addresses and SDP
# bodies found in them, FuzzTesting/Seeds/<target>/, and, when ../shared/corpora exists beside the repo, the
# third-party seed corpora there. Those are GPL/BSD: they are read in place at run time, never copied into the
# repo. Everything the script writes is under FuzzTesting/.corpus-*/ and FuzzTesting/.build-fuzz/ (gitignored).
#
# Exits 0 when no target crashed, leaked, timed out or ran out of memory; otherwise prints which target failed,
# the input's path and its bytes in hex, and exits 1.
#
# Environment:
#   FUZZ_CONFIG        release (default: about 5x the executions per second of debug; bounds and overflow
#                      checks stay on and Sources has no assert) or debug
#   FUZZ_TARGETS       the targets to run (default: "FuzzSIPMessage FuzzSIPURI FuzzSDP FuzzProfile FuzzRTP FuzzWAV")
#   FUZZ_SCRATCH_PATH  SwiftPM's build folder (default: FuzzTesting/.build-fuzz)
#   HONEYPHONE_SHARED  the shared folder (default: the repo's ../shared)
set -euo pipefail

usage() { echo "usage: $0 [SECONDS]" >&2; exit 64; }
[[ $# -le 1 ]] || usage
DURATION=${1:-60}
[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -gt 0 ]] || usage

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${HONEYPHONE_SHARED:-$ROOT/../shared}
[[ -d "$SHARED" ]] && SHARED=$(cd "$SHARED" && pwd)
CONFIG=${FUZZ_CONFIG:-release}
SCRATCH=${FUZZ_SCRATCH_PATH:-$HERE/.build-fuzz}
read -r -a TARGETS <<< "${FUZZ_TARGETS:-FuzzSIPMessage FuzzSIPURI FuzzSDP FuzzProfile FuzzRTP FuzzWAV}"
MESSAGES=$ROOT/Tests/SIPCoreTests/Messages
WORK=$HERE/.corpus-work

# The Swift runtime's crash backtracer does not return under libFuzzer: the run hangs after the crash report
# instead of exiting. libFuzzer and ASan print the stack themselves.
export SWIFT_BACKTRACE=enable=no
# Leaks are findings too; abort_on_error keeps the crash signal.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}

# ---- build ---------------------------------------------------------------------------------------------------
# --sanitize=fuzzer makes SwiftPM link libFuzzer's main instead of renaming the module's entry point
# (FuzzX_main); -Xswiftc -sanitize=fuzzer,address adds the coverage instrumentation libFuzzer needs to the
# Swift code (SwiftPM's --sanitize=fuzzer alone leaves it out). Each target is a module of declarations only.
BUILD=(swift build -c "$CONFIG" --scratch-path "$SCRATCH" --sanitize=fuzzer --sanitize=address
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
echo "==> (cd $HERE && ${BUILD[*]})"
start=$(date +%s)
# ld.gold warns once per ASan symbol; keep the log readable.
(cd "$HERE" && "${BUILD[@]}" 2>&1 | grep -v "Cannot export local symbol") || {
    echo "fuzz: build failed" >&2
    exit 2
}
echo "    built in $(($(date +%s) - start)) s"
BIN=$(cd "$HERE" && swift build -c "$CONFIG" --scratch-path "$SCRATCH" --show-bin-path)

# ---- seeds -------------------------------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK"

# Copies each file under $1 (matching the find expression after it) into $2, named after its path.
collect() {
    local from=$1 into=$2
    shift 2
    [[ -d "$from" ]] || return 0
    mkdir -p "$into"
    find "$from" -type f "$@" -print0 | while IFS= read -r -d '' file; do
        local rel=${file#"$from"/}
        cp "$file" "$into/${rel//\//__}"
    done
}

# Writes each byte string that `extract` prints for a message file (one per line) into $2 as its own file.
split_lines() {
    local into=$1 prefix=$2 n=0
    mkdir -p "$into"
    while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        n=$((n + 1))
        printf '%s' "$line" > "$into/$prefix-$n"
    done
}

sip_files() { find "$MESSAGES" -type f -name '*.sip' -print0 2>/dev/null; }

seed_sip_message() {
    collect "$MESSAGES" "$WORK/seeds-FuzzSIPMessage" -name '*.sip'
    collect "$MESSAGES/fuzz-regressions" "$WORK/seeds-FuzzSIPMessage" -name '*.bin'
}

seed_sip_uri() {
    collect "$HERE/Seeds/FuzzSIPURI" "$WORK/seeds-FuzzSIPURI" ! -name '.*'
    # Request-URIs (second word of a request line) and <...> addresses of the repo's own messages.
    # (`|| true`: a pipeline that finds nothing is no error.)
    { sip_files | xargs -0 -r awk 'FNR == 1 && $1 !~ /^SIP\// { print $2 }' 2>/dev/null || true; } \
        | split_lines "$WORK/seeds-FuzzSIPURI" request-uri
    { sip_files | xargs -0 -r grep -ahoE '<[a-zA-Z][a-zA-Z0-9+.-]*:[^>]{1,200}>' 2>/dev/null || true; } \
        | sed -e 's/^<//' -e 's/>$//' | sort -u | awk 'NR <= 500' | split_lines "$WORK/seeds-FuzzSIPURI" address
}

seed_sdp() {
    collect "$HERE/Seeds/FuzzSDP" "$WORK/seeds-FuzzSDP" ! -name '.*'
    # The bodies (after the first empty line) of the repo's own messages that carry SDP.
    local n=0
    mkdir -p "$WORK/seeds-FuzzSDP"
    while IFS= read -r -d '' file; do
        grep -aq '^v=0' "$file" || continue
        n=$((n + 1))
        awk 'body { print } /^\r?$/ { body = 1 }' "$file" > "$WORK/seeds-FuzzSDP/body-$n.sdp"
    done < <(sip_files)
}

# Prints the seed folders and the dictionary (-dict=) for target $1, one argument per line.
corpus_arguments() {
    local target=$1 corpora=$SHARED/corpora
    echo "$WORK/seeds-$target"
    case "$target" in
    FuzzSIPMessage)
        for dir in fuzz-seeds/pjsip/sip fuzz-seeds/pjsip/sip-dialog fuzz-seeds/sipgo-regressions \
            kamailio-test-messages; do
            [[ -d "$corpora/$dir" ]] && echo "$corpora/$dir"
        done
        echo "-dict=$WORK/sip.dict"
        ;;
    FuzzSIPURI)
        [[ -d "$corpora/fuzz-seeds/pjsip/uri" ]] && echo "$corpora/fuzz-seeds/pjsip/uri"
        echo "-dict=$WORK/sip.dict"
        ;;
    FuzzSDP)
        [[ -d "$corpora/fuzz-seeds/pjsip/sdp" ]] && echo "$corpora/fuzz-seeds/pjsip/sdp"
        echo "-dict=$HERE/Dictionaries/sdp.dict"
        ;;
    esac
    return 0
}

seed_sip_message
seed_sip_uri
seed_sdp
# Profiles, RTP/RTCP datagrams and WAV files: their Seeds/ folders (the shipped profiles, small packets and files).
for target in FuzzProfile FuzzRTP FuzzWAV; do
    collect "$HERE/Seeds/$target" "$WORK/seeds-$target" ! -name '.*'
done
cp "$HERE/Dictionaries/sip.dict" "$WORK/sip.dict"
if [[ -d "$SHARED/corpora" ]]; then
    echo "==> seeds: in-repo messages and Seeds/, plus $SHARED/corpora (read in place)"
    for dict in "$SHARED"/corpora/fuzz-dicts/*.dict; do
        [[ -f "$dict" ]] && { echo; cat "$dict"; } >> "$WORK/sip.dict"
    done
else
    echo "==> seeds: in-repo messages and Seeds/ only ($SHARED/corpora not found: skipping the shared corpora)"
fi

# ---- run -----------------------------------------------------------------------------------------------------
failed=()
for target in "${TARGETS[@]}"; do
    corpus=$HERE/.corpus-$target       # kept between local runs; libFuzzer writes new inputs only here
    artifacts=$HERE/.corpus-artifacts/$target
    log=$HERE/.corpus-logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    touch "$artifacts/.start"
    mapfile -t extra < <(corpus_arguments "$target")
    command=("$BIN/$target" -max_total_time="$DURATION" -max_len=65536 -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "${extra[@]}")
    echo "==> $target for $DURATION s: ${command[*]}"
    seeds=$(find "$WORK/seeds-$target" -type f | wc -l)
    set +e
    # The outer timeout only catches a fuzzer that does not stop by itself (loading seeds is not counted).
    timeout --kill-after=30 $((DURATION + 600)) "${command[@]}" > "$log" 2>&1
    status=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -n 1 || true)
    found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \
        -o -name 'slow-unit-*' \) -newer "$artifacts/.start" | sort)
    echo "    exit $status; ${runs:-?} runs, ${speed:-?} exec/s, peak RSS ${rss:-?} MB; $coverage; $seeds in-repo seeds"
    if [[ $status -ne 0 || -n "$found" ]]; then
        failed+=("$target")
        echo "!!! $target FAILED (exit $status). Last lines of $log:"
        tail -n 40 "$log" | sed 's/^/    /'
        for file in $found; do
            echo "!!! $target input $file ($(wc -c < "$file") bytes, sha1 $(sha1sum "$file" | cut -c1-40)):"
            head -c 4096 "$file" | xxd -p | sed 's/^/    /'
        done
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz: FAILED: ${failed[*]}"
    exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets ran $DURATION s each; no crash, leak, timeout or OOM"
