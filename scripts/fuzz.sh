#!/usr/bin/env bash
# Fuzzing (cargo-fuzz, libFuzzer, AddressSanitizer; nightly): builds the
# targets of fuzz/ with debug assertions, writes their seed corpora (small
# indexes built with the CLI, the fixtures' HSDS files, queries, parser
# texts) and runs each target in turn for FUZZ_SECONDS seconds (default 30):
#
#   bash scripts/fuzz.sh                              # about 30 s a target
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh             # 10 minutes a target
#   FUZZ_SECONDS=3600 FUZZ_TARGETS="index hsds" bash scripts/fuzz.sh
#
# Any crash, input slower than 1 s, single allocation over 512 MB or process
# over 1 GB fails the run;
# libFuzzer writes the input to fuzz/artifacts/<target>/ and
# `cargo +nightly fuzz run <target> <file>` replays it. Corpora grow in
# fuzz/corpus/<target>/ from one run to the next (not committed), but for
# the index target's, which starts from its seeds.
#
# FUZZ_SEED picks libFuzzer's random seed (default 0: a new one each run);
# scripts/test.sh fixes it, so the suite tries the same inputs every time.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-30}
seed=${FUZZ_SEED:-0}
read -r -a targets <<<"${FUZZ_TARGETS:-index query c_setters hsds parsers}"
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

echo "building the fuzz targets (nightly, AddressSanitizer, debug assertions)"
cargo +nightly fuzz build --debug-assertions --target-dir "$target_dir"

echo "seeding the corpora"
cargo build --quiet --locked -p servicematch-cli
cli=$target_dir/debug/servicematch
# The index target starts from its seeds each time: its inputs are about
# 250 KB each and libFuzzer holds its whole corpus in memory, so a corpus
# kept from earlier runs outgrows the memory limit (500 inputs did).
rm -rf fuzz/corpus/index
python3 fuzz/seeds.py "$cli" fuzz/corpus
# The demo index the query and c_setters targets search, built once here
# rather than by each target.
export SERVICEMATCH_DEMO_INDEX=$PWD/fuzz/demo.smx
rm -f "$SERVICEMATCH_DEMO_INDEX"
"$cli" search food >/dev/null

# AddressSanitizer keeps 256 MB of freed memory by default to catch
# use-after-free; with the index target's corpus (inputs of ~250 KB, held in
# memory) that outgrew the process limit within 10 minutes. 64 MB still
# catches a block used soon after it is freed.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=64

# The hsds target writes its inputs to files: keep them out of /tmp.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
logs=$scratch/logs
mkdir -p "$logs"

for target in "${targets[@]}"; do
  printf '%-10s %4d s ' "$target" "$seconds"
  if ! TMPDIR=$scratch cargo +nightly fuzz run --debug-assertions --target-dir "$target_dir" \
    "$target" -- -max_total_time="$seconds" -seed="$seed" -timeout=1 \
    -malloc_limit_mb=512 -rss_limit_mb=1024 \
    -print_final_stats=1 >"$logs/$target.log" 2>&1; then
    echo "FAILED"
    tail -n 60 "$logs/$target.log"
    echo "the input is in fuzz/artifacts/$target/ (replay: cargo +nightly fuzz run $target FILE)"
    exit 1
  fi
  runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$logs/$target.log")
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  echo "ok: $runs inputs run, corpus $corpus"
done
