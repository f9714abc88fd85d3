#!/usr/bin/env bash
# Runs one fuzz target for a total time budget, restarting after each crash or timeout (whose
# input libFuzzer saves under fuzz/artifacts/<target>/), and prints the executions of every run
# and their sum.
#
#   fuzz/run.sh <target> <seconds> [libFuzzer flags...]
#   fuzz/run.sh pipeline_text 900 -max_len=4096
#
# Environment: EMBEDSCAN_FUZZ_DEFUSE=1 skips the triggers of the crashes already reported (see
# `defuse` in fuzz/src/lib.rs); MAX_RESTARTS (default 50). Logs go to fuzz/logs/<target>-*.log.
set -uo pipefail
cd "$(dirname "$0")"
target=$1 budget=$2
shift 2
./seed.sh "$target"
mkdir -p logs
log="logs/$target-$(date +%Y%m%d-%H%M%S).log"
cargo fuzz build --sanitizer none "$target" >"$log" 2>&1 || { tail -20 "$log"; echo "build failed"; exit 2; }
end=$((SECONDS + budget)) restarts=0 total=0
while (( SECONDS < end - 5 && restarts <= ${MAX_RESTARTS:-50} )); do
    left=$((end - SECONDS))
    before=$(grep -ac 'stat::number_of_executed_units' "$log" 2>/dev/null || true)
    nice -n 10 cargo fuzz run --sanitizer none "$target" -- \
        -dict=dict.txt -timeout=10 -print_final_stats=1 -max_total_time="$left" "$@" \
        >>"$log" 2>&1
    rc=$?
    n=$(grep -a 'stat::number_of_executed_units' "$log" | tail -n +"$((${before:-0} + 1))" | awk '{print $2}')
    total=$((total + ${n:-0}))
    echo "run $restarts: exit $rc, ${n:-?} executions, $((SECONDS))s elapsed"
    (( rc == 0 )) && break
    restarts=$((restarts + 1))
done
echo "target $target: $total executions in $SECONDS s, $restarts crash/timeout restarts; log $log"
ls -1 "artifacts/$target" 2>/dev/null | sed 's/^/  artifact: /'
