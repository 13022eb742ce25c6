#!/usr/bin/env bash
# Fuzzes the parser, checker, fixer and formatter with libFuzzer under
# AddressSanitizer for the given number of seconds (default 600).
#
#   scripts/fuzz.sh [SECONDS]      (make fuzz FUZZ_SECONDS=...)
#
# The corpus grows in .build-fuzz/corpus across runs. Seeds: the sample
# plans and devlog entries, every rule's documented examples, and the kept
# regression inputs in Tests/Fixtures/fuzz/. A crash, leak or timeout stops
# the run and leaves its input in .build-fuzz/crashes/; keep it in
# Tests/Fixtures/fuzz/ once fixed, where the test suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
swift=${SWIFT:-swift}
scratch=.build-fuzz
seeds=$scratch/seeds
corpus=$scratch/corpus
crashes=$scratch/crashes

# gold warns once per ASan helper it cannot export; none of it matters.
"$swift" build -c release --product planc-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 \
    | grep -v "Cannot export local symbol" || true
fuzzer=$scratch/release/planc-fuzz
[ -x "$fuzzer" ] || { echo "fuzz: the fuzz target did not build" >&2; exit 2; }

rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$crashes"
cp plans/*.md devlog/*.md "$seeds"/
cp Tests/Fixtures/fuzz/* "$seeds"/ 2>/dev/null || true
SWIFT="$swift" scripts/release-build.sh --product planc 2>&1 | tail -1
planc=.build/release/planc
for code in $("$planc" rules | awk '$1 ~ /^(PLAN|DEVLOG)[0-9]+$/ { print $1 }'); do
    "$planc" explain "$code" | awk -v prefix="$seeds/$code-" '
        /^```markdown$/ { inside = 1; count++; next }
        /^```$/ && inside { inside = 0; next }
        inside { print > (prefix count ".md") }'
done
echo "fuzz: $(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) inputs in the corpus, $seconds s"

"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$crashes"/ -print_final_stats=1 "$corpus" "$seeds"
