#!/usr/bin/env bash
# Tests/DataSet/run.sh BIN_FOLDER OUT_FOLDER [TRAIN_SEED TEST_SEED] -- the lab data set end to end (needs root):
#
#   1. build.sh BIN OUT/train TRAIN_SEED (default 1), then, while that lab is up, `honeyphone learn` from the
#      built-in model on it -> OUT/model (summary in OUT/learn.log)
#   2. build.sh BIN OUT/test TEST_SEED (default 2: other addresses, hop counts, counts, ports, callees, rates; the
#      tools draw new Call-IDs, tags and branches), then, while that lab is up, `honeyphone evaluate --model
#      OUT/model` on it -> OUT/evaluation.txt
#   3. the held-out figures against MIN_MACRO_F1 (default 0.95): the macro-F1 of Nature and that of the attack
#      types must both reach it; exit 1 otherwise
#
# BASELINE=1 also evaluates the built-in (hand-set) model on the held-out set -> OUT/evaluation-builtin.txt. Each
# run builds its own lab and tears it down: the offline investigation of learn and evaluate needs the live hosts,
# DNS and WHOIS of its own run. About 5 minutes on 2 cores.
set -uo pipefail

BIN="$(readlink -f "${1:?usage: run.sh BIN_FOLDER OUT_FOLDER [TRAIN_SEED TEST_SEED]}")"
OUT="${2:?usage: run.sh BIN_FOLDER OUT_FOLDER [TRAIN_SEED TEST_SEED]}"
TRAIN_SEED="${3:-1}"
TEST_SEED="${4:-2}"
MIN_MACRO_F1="${MIN_MACRO_F1:-0.95}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$OUT"
OUT="$(readlink -f "$OUT")"
HP="$BIN/honeyphone"

bash "$HERE/build.sh" "$BIN" "$OUT/train" "$TRAIN_SEED" -- timeout 600 "$HP" learn \
    --labels "$OUT/train/labels" --investigation "$OUT/train/investigation.conf" --output "$OUT/model" \
    "$OUT/train/capture.pcap" 2>&1 | tee "$OUT/learn.log"
[[ -s "$OUT/model" ]] || {
    echo "run.sh: no model was learned" >&2
    exit 1
}

EVALUATE="timeout 600 '$HP' evaluate --labels '$OUT/test/labels' --investigation '$OUT/test/investigation.conf'"
EVALUATE+=" '$OUT/test/capture.pcap'"
COMMAND="$EVALUATE --model '$OUT/model' > '$OUT/evaluation.txt'"
if [[ "${BASELINE:-0}" == 1 ]]; then
    # A fresh history for the second pass, so that both see the same sightings.
    COMMAND+=" && rm -f '$OUT/test/history.tsv' && $EVALUATE > '$OUT/evaluation-builtin.txt'"
fi
bash "$HERE/build.sh" "$BIN" "$OUT/test" "$TEST_SEED" -- bash -c "$COMMAND" || {
    echo "run.sh: the evaluation failed" >&2
    exit 1
}

echo "=== held-out evaluation of the model learned on seed $TRAIN_SEED, on seed $TEST_SEED ($OUT/evaluation.txt)"
sed -n '/^Nature:/,$p' "$OUT/evaluation.txt"
nature="$(sed -n 's/^macro-F1 \([0-9.]*\) .*/\1/p' "$OUT/evaluation.txt")"
attacks="$(sed -n 's/^attack types macro-F1 .* \([0-9.]*\)$/\1/p' "$OUT/evaluation.txt")"
if [[ -z "$nature" || -z "$attacks" ]]; then
    echo "run.sh: no macro-F1 in $OUT/evaluation.txt" >&2
    exit 1
fi
verdict="$(awk -v n="$nature" -v a="$attacks" -v t="$MIN_MACRO_F1" 'BEGIN { print (n >= t && a >= t) ? "pass" : "fail" }')"
echo "dataset: macro-F1 Nature $nature, attack types $attacks (threshold $MIN_MACRO_F1): $verdict"
[[ "$verdict" == pass ]]
