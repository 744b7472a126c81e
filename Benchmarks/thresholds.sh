#!/usr/bin/env bash
# Records or checks the static benchmark thresholds in Thresholds/<Swift major.minor>/ (p90 mallocCountTotal).
#
#   Benchmarks/thresholds.sh update    run the benchmarks and write the thresholds files (commit them)
#   Benchmarks/thresholds.sh check     run the benchmarks and compare; exit 0 when within the tolerances that
#                                      SIPParserBenchmarks.swift sets, non-zero on a regression or an improvement
#
# package-benchmark 1.38.1 writes a thresholds file with the spaces of the benchmark's name turned into '_' but
# reads it back under the name as it is, so `update` renames the files it writes to the names `check` looks for
# (our benchmark names contain no '_').
#
# Environment: BENCH_SCRATCH_PATH (default Benchmarks/.build-bench).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"
SCRATCH=${BENCH_SCRATCH_PATH:-$HERE/.build-bench}
VERSION=$(swift --version 2>/dev/null | sed -nE 's/.*Swift version ([0-9]+\.[0-9]+).*/\1/p' | head -n 1)
THRESHOLDS=Thresholds/${VERSION:?cannot read the Swift version}

case "${1:-}" in
update)
    mkdir -p "$THRESHOLDS"
    # The parser and answer benchmarks only: the inference verdict's malloc count varies by a few per 1,000 runs.
    swift package --scratch-path "$SCRATCH" --allow-writing-to-package-directory benchmark thresholds update \
        --target SIPParserBenchmarks --path "$THRESHOLDS" --metric mallocCountTotal --no-progress
    for file in "$THRESHOLDS"/*_*.p90.json; do
        [[ -e "$file" ]] || continue
        name=$(basename "$file")
        mv -f "$file" "$THRESHOLDS/${name//_/ }"
    done
    chmod 644 "$THRESHOLDS"/*.p90.json
    ls -l "$THRESHOLDS"
    ;;
check)
    if [[ ! -d "$THRESHOLDS" ]]; then
        echo "no thresholds for Swift $VERSION in $HERE/$THRESHOLDS: run '$0 update' and commit them" >&2
        exit 3
    fi
    swift package --scratch-path "$SCRATCH" benchmark thresholds check --path "$THRESHOLDS" --no-progress
    ;;
*)
    echo "usage: $0 update|check" >&2
    exit 64
    ;;
esac
