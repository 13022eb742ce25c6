#!/usr/bin/env bash
# Throughput of the protocol commands: claims and progress updates per
# second, from one process after another and from 8 processes at once. Each
# operation is one `planc` run (process start, connect, compare-and-set,
# event, Redis mirror), as agents use it. Starts its own servers.
#
#   bench/protocol.sh [operations]      (default 400)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PLANC_TEST_NATS_URL:-}" ]; then
  exec scripts/test-servers.sh "$0" "$@"
fi
ops=${1:-400}
planc=$PWD/.build/release/planc
[ -x "$planc" ] || scripts/release-build.sh --product planc >/dev/null
work=$(mktemp -d -t planc-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export PLANC_NATS_URL=$PLANC_TEST_NATS_URL PLANC_REDIS_URL=$PLANC_TEST_REDIS_URL

# 2 x ops unassigned tasks: one set for the single process, one for eight.
{
  echo "# Bench - 2025-12-11"; echo; echo "## Active Agents"; echo; echo "## Phase Plan"; echo
  for set in single parallel; do
    echo "### Phase $([ $set = single ] && echo 1 || echo 2): $set (1 day) - PENDING"
    printf -- "- **Tasks:** "
    seq 1 "$ops" | sed "s/^/Bench $set /" | paste -sd, | sed 's/,/, /g'
    echo
  done
} > bench.md
"$planc" state seed bench.md >/dev/null 2>&1

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):8.1f}')"; }

printf '%-10s %12s %12s\n' action "1 process" "8 processes"
for action in claim progress; do
  start=$(now)
  for i in $(seq 1 "$ops"); do
    if [ $action = claim ]; then "$planc" claim "bench-single-$i" --agent solo >/dev/null
    else "$planc" progress "bench-single-$i" --agent solo --percent 50 --note bench >/dev/null; fi
  done
  single=$(rate "$ops" "$start" "$(now)")
  start=$(now)
  for worker in $(seq 0 7); do
    (
      for i in $(seq $((worker + 1)) 8 "$ops"); do
        if [ $action = claim ]; then "$planc" claim "bench-parallel-$i" --agent "w$worker" >/dev/null
        else "$planc" progress "bench-parallel-$i" --agent "w$worker" --percent 50 --note bench >/dev/null; fi
      done
    ) &
  done
  wait
  parallel=$(rate "$ops" "$start" "$(now)")
  printf '%-10s %12s %12s   operations/s\n' "$action" "$single" "$parallel"
done
