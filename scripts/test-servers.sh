#!/usr/bin/env bash
# Starts a JetStream-enabled nats-server and a redis-server on 127.0.0.1, on
# free ports, with data in a temporary folder; runs the given command with
# PLANC_TEST_NATS_URL, PLANC_TEST_NATS_MONITOR_URL and PLANC_TEST_REDIS_URL
# set; stops both servers and removes the folder when the command ends,
# whatever its outcome.
#
#   scripts/test-servers.sh swift test
set -euo pipefail

command -v nats-server >/dev/null || { echo "nats-server is not installed (scripts/install-deps.sh)" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "redis-server is not installed (scripts/install-deps.sh)" >&2; exit 2; }

workdir=$(mktemp -d -t planc-servers.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for_port() {
  for _ in $(seq 1 100); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2).close()" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "a test server did not start on port $1" >&2
  return 1
}

nats_port=$(free_port)
monitor_port=$(free_port)
redis_port=$(free_port)

nats-server -a 127.0.0.1 -p "$nats_port" -m "$monitor_port" -js -sd "$workdir/nats" \
  >"$workdir/nats.log" 2>&1 &
pids+=($!)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$workdir" \
  --daemonize no >"$workdir/redis.log" 2>&1 &
pids+=($!)

wait_for_port "$nats_port"
wait_for_port "$monitor_port"
wait_for_port "$redis_port"

export PLANC_TEST_NATS_URL="nats://127.0.0.1:$nats_port"
export PLANC_TEST_NATS_MONITOR_URL="http://127.0.0.1:$monitor_port"
export PLANC_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
echo "test servers: NATS $PLANC_TEST_NATS_URL (monitor $PLANC_TEST_NATS_MONITOR_URL), Redis $PLANC_TEST_REDIS_URL" >&2

"$@"
