#!/usr/bin/env bash
# Benchmark of `planc diff` against seeded live state, at 10,000 and 100,000
# tasks: wall time and peak memory of the diff (and of the seed, for scale).
# Starts its own servers through scripts/test-servers.sh.
#
#   bench/diff.sh            (after scripts/release-build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PLANC_TEST_NATS_URL:-}" ]; then
  exec scripts/test-servers.sh "$0" "$@"
fi

planc=.build/release/planc
plangen=.build/release/plangen
[ -x "$planc" ] && [ -x "$plangen" ] || scripts/release-build.sh >/dev/null
work=$(mktemp -d -t planc-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export PLANC_NATS_URL=$PLANC_TEST_NATS_URL PLANC_REDIS_URL=$PLANC_TEST_REDIS_URL

printf '%-8s %-8s %10s %12s %10s %12s\n' tasks bytes "seed s" "seed MB" "diff s" "diff MB"
for agents in 200 2000; do
  tasks=$((agents * 50))
  plan="$work/plan-$tasks.md"
  "$plangen" --agents "$agents" --tasks 50 > "$plan"
  # Each size in its own buckets.
  cat > "$work/.planc.yml" <<YAML
live:
  tasks-bucket: BENCH_TASKS_$tasks
  status-bucket: BENCH_STATUS_$tasks
  redis-prefix: bench$tasks
YAML
  /usr/bin/time -o "$work/time" -f '%e %M' "$planc" state seed "$plan" --config "$work/.planc.yml" >/dev/null 2>&1
  seed=$(tail -1 "$work/time")
  best=""
  for run in 1 2 3; do
    /usr/bin/time -o "$work/time" -f '%e %M' "$planc" diff "$plan" --config "$work/.planc.yml" >/dev/null 2>&1 || true
    result=$(tail -1 "$work/time")
    if [ -z "$best" ] || [ "$(echo "$result" | cut -d' ' -f1 | tr -d .)" -lt "$(echo "$best" | cut -d' ' -f1 | tr -d .)" ]; then best=$result; fi
  done
  printf '%-8s %-8s %10s %12s %10s %12s\n' "$tasks" "$(stat -c %s "$plan")" \
    "$(echo "$seed" | cut -d' ' -f1)" "$(( $(echo "$seed" | cut -d' ' -f2) / 1024 ))" \
    "$(echo "$best" | cut -d' ' -f1)" "$(( $(echo "$best" | cut -d' ' -f2) / 1024 ))"
done
